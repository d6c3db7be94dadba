/**
 * One PEP 508 requirement (`name[extra]>=1.2,<2; python_version < "3.12"` or
 * `name @ https://...`), and how tightly it pins. Shared by requirements files and the `pip:`
 * list of a conda environment.
 */
import { distributionOf, isVcsUrl, vcsRevision } from './distributionFile';
import type { Pin } from './lockFile';

/** A parsed requirement. */
export interface Requirement {
  readonly name: string;
  readonly extras: readonly string[];
  /** Version clauses, each `op version`, as written without spaces. */
  readonly clauses: readonly { readonly op: string; readonly version: string }[];
  readonly url: string | null;
  readonly marker: string | null;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;
const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>)\s*(\S+)$/;
const VERSION_TEXT = /^[A-Za-z0-9.*+!_-]+$/;

/** What a requirement should look like, for error messages. */
export const REQUIREMENT_EXPECTED = 'expected a requirement such as `name==1.2.3`, `name[extra]>=1.2,<2; python_version < "3.12"` or `name @ https://...`';

/** Parses a requirement; a string result is what is wrong with it. */
export function parseRequirement(text: string): Requirement | string {
  const nameMatch = NAME.exec(text);
  if (!nameMatch) {
    return `"${text}" does not start with a package name`;
  }
  const name = nameMatch[1]!;
  let rest = text.slice(nameMatch[0].length);
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) {
      return `the extras of ${name} are not closed with "]"`;
    }
    extras = rest
      .slice(1, close)
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    const bad = extras.find((e) => !NAME.test(e) || NAME.exec(e)![1] !== e);
    if (bad !== undefined) {
      return `"${bad}" is not an extra name`;
    }
    rest = rest.slice(close + 1).trimStart();
  }
  if (rest.startsWith('@')) {
    // PEP 508: a URL requirement's marker must be separated by whitespace, since `;` may occur in a URL.
    const urlPart = rest.slice(1).trimStart();
    const markerAt = /\s+;/.exec(urlPart);
    const url = (markerAt ? urlPart.slice(0, markerAt.index) : urlPart).trim();
    if (url === '' || /\s/.test(url)) {
      return `expected a URL after "${name} @"`;
    }
    const marker = markerAt ? urlPart.slice(markerAt.index + markerAt[0].length).trim() : null;
    if (marker === '') {
      return `expected an environment marker after ";"`;
    }
    return { name, extras, clauses: [], url, marker };
  }
  const semicolon = rest.indexOf(';');
  let specifier = (semicolon >= 0 ? rest.slice(0, semicolon) : rest).trim();
  const marker = semicolon >= 0 ? rest.slice(semicolon + 1).trim() : null;
  if (marker === '') {
    return `expected an environment marker after ";"`;
  }
  if (specifier.startsWith('(') && specifier.endsWith(')')) {
    specifier = specifier.slice(1, -1).trim();
  }
  const clauses: { op: string; version: string }[] = [];
  if (specifier !== '') {
    for (const raw of specifier.split(',')) {
      const clause = CLAUSE.exec(raw.trim());
      if (!clause || (clause[1] !== '===' && !VERSION_TEXT.test(clause[2]!))) {
        return `"${raw.trim()}" is not a version specifier (expected an operator ~= == != <= >= < > === and a version)`;
      }
      clauses.push({ op: clause[1]!, version: clause[2]! });
    }
  }
  return { name, extras, clauses, url: null, marker };
}

/** The requirement as one canonical line, for messages: `numpy[x]==1.2; marker`. */
export function formatRequirement(r: Requirement): string {
  const extras = r.extras.length > 0 ? `[${r.extras.join(',')}]` : '';
  const body = r.url !== null ? ` @ ${r.url}` : r.clauses.map((c) => `${c.op}${c.version}`).join(',');
  return `${r.name}${extras}${body}${r.marker !== null ? `; ${r.marker}` : ''}`;
}

/** How tightly a requirement pins its package. */
export function pinOf(r: Requirement): Pin {
  if (r.url !== null) {
    return urlPin(r.url);
  }
  if (r.clauses.length === 0) {
    return { kind: 'unpinned', reason: 'no version specifier' };
  }
  // `===` is arbitrary equality; `==` without a wildcard admits one version (other clauses can only narrow it).
  const exact = r.clauses.find((c) => c.op === '===' || (c.op === '==' && !c.version.endsWith('.*')));
  if (exact) {
    return { kind: 'exact', version: exact.version };
  }
  return { kind: 'range', reason: `${r.clauses.map((c) => `${c.op}${c.version}`).join(',')} admits more than one version` };
}

/** A direct reference: a VCS URL at a full commit, or a distribution file whose name carries its version. */
export function urlPin(url: string): Pin {
  if (isVcsUrl(url)) {
    const { revision, commit } = vcsRevision(url);
    return commit
      ? { kind: 'exact', version: url.replace(/#.*$/, '') }
      : { kind: 'unpinned', reason: `a VCS reference at ${revision === null ? 'the default branch' : `"${revision}", not a commit hash,`} can move` };
  }
  const distribution = distributionOf(url);
  return distribution
    ? { kind: 'exact', version: distribution.version }
    : { kind: 'unpinned', reason: `${url} is a folder or a file without a version in its name` };
}
