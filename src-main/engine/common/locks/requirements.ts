/**
 * pip requirements files, which `pip freeze` output is one kind of: pins, ranges, extras,
 * environment markers, `--hash` options on backslash-continued lines (as pip-compile writes),
 * `-e` editable installs, VCS and URL requirements, comments, and `-r`/`-c` includes, which are
 * returned for the reader to follow. Lines are joined and comments stripped as pip's
 * `req_file.py` does.
 */
import { InputError } from '../run/inputError';
import { distributionOf, eggName, isVcsUrl, withoutCredentials } from './distributionFile';
import type { LockEntry, LockFile, LockInclude, Pin } from './lockFile';
import { packageKey } from './packageNames';
import { formatRequirement, parseRequirement, pinOf, REQUIREMENT_EXPECTED, urlPin } from './pep508';

// pip's COMMENT_RE: a `#` at the start of a line or after whitespace begins a comment.
const COMMENT = /(^|\s+)#.*$/;

/** Options pip reads on a line of their own, and whether they take a value. */
const FILE_OPTIONS: Readonly<Record<string, { readonly value: boolean; readonly long: string }>> = {
  '-r': { value: true, long: '--requirement' },
  '--requirement': { value: true, long: '--requirement' },
  '-c': { value: true, long: '--constraint' },
  '--constraint': { value: true, long: '--constraint' },
  '-e': { value: true, long: '--editable' },
  '--editable': { value: true, long: '--editable' },
  '-i': { value: true, long: '--index-url' },
  '--index-url': { value: true, long: '--index-url' },
  '--extra-index-url': { value: true, long: '--extra-index-url' },
  '-f': { value: true, long: '--find-links' },
  '--find-links': { value: true, long: '--find-links' },
  '--trusted-host': { value: true, long: '--trusted-host' },
  '--no-binary': { value: true, long: '--no-binary' },
  '--only-binary': { value: true, long: '--only-binary' },
  '--use-feature': { value: true, long: '--use-feature' },
  '--no-index': { value: false, long: '--no-index' },
  '--pre': { value: false, long: '--pre' },
  '--prefer-binary': { value: false, long: '--prefer-binary' },
  '--require-hashes': { value: false, long: '--require-hashes' },
};

/** Options pip allows after a requirement on its line. */
const REQUIREMENT_OPTIONS = new Set(['--hash', '--config-settings', '--global-option', '--install-option']);

/** One logical line: continuation lines joined, numbered by its first physical line. */
interface LogicalLine {
  readonly line: number;
  readonly text: string;
}

/** What the lines of a requirements file (or a conda `pip:` list) add up to. */
export interface RequirementLines {
  readonly entries: LockEntry[];
  readonly includes: LockInclude[];
  readonly notes: string[];
}

/** Parses a requirements file or `pip freeze` output. Throws an InputError naming `file:line`. */
export function parseRequirementsText(text: string, file: string): LockFile {
  const lines: RequirementLines = { entries: [], includes: [], notes: [] };
  // pip freeze announces an editable folder's name and version in the comment line above it.
  let announced: { name: string; version: string } | null = null;
  for (const logical of logicalLines(text)) {
    if (COMMENT.test(logical.text) && logical.text.replace(COMMENT, '').trim() === '') {
      const m = /\(([A-Za-z0-9][A-Za-z0-9._-]*)==([^)\s]+)\)/.exec(logical.text);
      announced = m ? { name: m[1]!, version: m[2]! } : null;
      continue;
    }
    const content = withoutCredentials(logical.text.replace(COMMENT, '').trim());
    if (content === '') {
      continue;
    }
    addRequirementLine(lines, content, file, logical.line, announced);
    announced = null;
  }
  return { file, format: 'requirements', ...lines };
}

/**
 * Reads one logical line of a requirements file (also one item of a conda `pip:` list), a
 * requirement with its options or an option line, into `lines`.
 */
export function addRequirementLine(
  lines: RequirementLines,
  content: string,
  file: string,
  line: number,
  announced: { name: string; version: string } | null = null,
): void {
  const parsed = parseRequirementLine(content, file, line, announced);
  if (parsed.entry) {
    lines.entries.push(parsed.entry);
  }
  if (parsed.include) {
    lines.includes.push(parsed.include);
  }
  if (parsed.note) {
    lines.notes.push(parsed.note);
  }
}

function parseRequirementLine(
  content: string,
  file: string,
  line: number,
  announced: { name: string; version: string } | null,
): { entry?: LockEntry; include?: LockInclude; note?: string } {
  const where = `${file}:${line}`;
  const tokens = content.split(/\s+/);
  // pip's break_args_options: the requirement ends at the first token that starts with "-".
  const firstOption = tokens.findIndex((t) => t.startsWith('-'));
  const args = (firstOption < 0 ? tokens : tokens.slice(0, firstOption)).join(' ');
  const options = firstOption < 0 ? [] : tokens.slice(firstOption);
  if (args !== '') {
    return { entry: requirementEntry(args, readRequirementOptions(options, where), file, line) };
  }
  const [flag, value] = splitOption(options, where);
  const known = FILE_OPTIONS[flag];
  if (!known) {
    throw new InputError(
      where,
      `unknown option "${flag}": ${REQUIREMENT_EXPECTED}, or an option pip reads in a requirements file (-r, -c, -e, --index-url, --extra-index-url, --find-links, ...)`,
    );
  }
  if (known.value && (value === undefined || value === '')) {
    throw new InputError(where, `${flag} needs a value`);
  }
  switch (known.long) {
    case '--requirement':
      return { include: { kind: 'requirements', target: value!, file, line } };
    case '--constraint':
      return { include: { kind: 'constraints', target: value!, file, line } };
    case '--editable':
      return { entry: editableEntry(value!, file, line, announced) };
    default:
      return { note: `${where}: ${known.long}${value !== undefined ? ` ${value}` : ''}` };
  }
}

/** Joins backslash continuations as pip's join_lines does: a comment line ends a continuation. */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let pending: string[] = [];
  let first = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const isComment = /^\s*#/.test(raw);
    if (!raw.endsWith('\\') || isComment) {
      if (pending.length > 0) {
        out.push({ line: first, text: pending.join('') + (isComment ? ` ${raw}` : raw) });
        pending = [];
      } else {
        out.push({ line: index + 1, text: raw });
      }
      return;
    }
    if (pending.length === 0) {
      first = index + 1;
    }
    pending.push(raw.slice(0, -1));
  });
  if (pending.length > 0) {
    out.push({ line: first, text: pending.join('') });
  }
  return out;
}

/** `-rfile`, `-r file`, `--requirement=file`, `--requirement file` all give [flag, value]. */
function splitOption(tokens: readonly string[], where: string): [string, string | undefined] {
  const [head, ...rest] = tokens;
  const text = head!;
  if (rest.length > 1) {
    throw new InputError(where, `expected one option per line, found "${tokens.join(' ')}"`);
  }
  const eq = text.indexOf('=');
  if (text.startsWith('--') && eq > 0) {
    return [text.slice(0, eq), text.slice(eq + 1)];
  }
  if (!text.startsWith('--') && text.length > 2) {
    return [text.slice(0, 2), text.slice(2)];
  }
  return [text, rest[0]];
}

/** The options after a requirement; only `--hash` matters here, and it is counted. */
function readRequirementOptions(tokens: readonly string[], where: string): { hashes: number } {
  let hashes = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const eq = token.indexOf('=');
    const name = eq > 0 ? token.slice(0, eq) : token;
    if (!REQUIREMENT_OPTIONS.has(name)) {
      throw new InputError(where, `unknown option "${name}" after a requirement: expected --hash=sha256:<hex> (or --config-settings, --global-option)`);
    }
    const value = eq > 0 ? token.slice(eq + 1) : tokens[++i];
    if (value === undefined || value === '') {
      throw new InputError(where, `${name} needs a value`);
    }
    if (name === '--hash') {
      if (!/^(sha256|sha384|sha512|md5|sha1|sha224):[0-9a-f]+$/i.test(value)) {
        throw new InputError(where, `"--hash=${value}" is not a hash: expected --hash=sha256:<hex digest>`);
      }
      hashes += 1;
    }
  }
  return { hashes };
}

function requirementEntry(text: string, options: { hashes: number }, file: string, line: number): LockEntry {
  const base = { file, line, ...(options.hashes > 0 ? { hashes: options.hashes } : {}) };
  // A bare URL or path (`./wheels/numpy-1.26.4-...whl`, `git+https://...#egg=x`) has no PEP 508 name.
  if (/^(\.|\/|~|[a-z][a-z0-9+.-]*:\/\/|[a-z]+\+)/i.test(text) && !/^[A-Za-z0-9._-]+\s*(\[[^\]]*\])?\s*@/.test(text)) {
    const named = isVcsUrl(text) ? eggName(text) : (distributionOf(text)?.name ?? null);
    const name = named ?? text;
    return { ...base, name, key: named ? packageKey('pypi', named) : text, ecosystem: 'pypi', spec: text, pin: urlPin(text) };
  }
  const requirement = parseRequirement(text);
  if (typeof requirement === 'string') {
    throw new InputError(`${file}:${line}`, `${requirement}; ${REQUIREMENT_EXPECTED}`);
  }
  return {
    ...base,
    name: requirement.name,
    key: packageKey('pypi', requirement.name),
    ecosystem: 'pypi',
    spec: formatRequirement(requirement),
    pin: pinOf(requirement),
    ...(requirement.marker !== null ? { marker: requirement.marker } : {}),
  };
}

/**
 * `-e <path or VCS URL>`. An editable folder runs whatever is on disk, so it is unpinned even when
 * pip freeze announced a version; an editable VCS checkout at a full commit is pinned to it.
 */
function editableEntry(target: string, file: string, line: number, announced: { name: string; version: string } | null): LockEntry {
  const vcs = isVcsUrl(target);
  const name = eggName(target) ?? announced?.name ?? null;
  const pin: Pin = vcs
    ? urlPin(target)
    : {
        kind: 'unpinned',
        reason: `an editable install of the folder ${target}${announced ? ` (${announced.name}==${announced.version} when frozen)` : ''} runs whatever is on disk`,
      };
  return { name: name ?? target, key: name ? packageKey('pypi', name) : target, ecosystem: 'pypi', spec: `-e ${target}`, pin, file, line };
}
