/**
 * npm's package-lock.json (and npm-shrinkwrap.json): lockfileVersion 3 (`packages` only), 2
 * (`packages` and the legacy `dependencies`; `packages` is read) and 1 (nested `dependencies`).
 * Every installed copy of a package is an entry, so a package hoisted at one version and nested
 * at another appears twice.
 */
import { InputError } from '../run/inputError';
import { jsonProblem } from '../validation/contentFree';
import type { LockEntry, LockFile, Pin } from './lockFile';
import { packageKey } from './packageNames';
import { lineIndex } from './textLines';

type Json = Record<string, unknown>;

/** How a lock is read. */
export interface PackageLockOptions {
  /**
   * Leave out the packages npm marks `"dev": true` (needed only by devDependencies), as
   * `npm ci --omit=dev` installs a production environment: what a serving process can load.
   */
  readonly omitDev?: boolean;
}

/** Parses a package-lock.json. Throws an InputError naming `file:line`. */
export function parsePackageLockText(text: string, file: string, options: PackageLockOptions = {}): LockFile {
  const lineOf = lineIndex(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? lineOf(Number(position[1])) : lineOf(text.length);
    throw new InputError(`${file}:${line}`, `${jsonProblem(error, text)}; expected a package-lock.json`);
  }
  if (!isObject(data)) {
    throw new InputError(`${file}:1`, 'expected a JSON object with "lockfileVersion" (a package-lock.json)');
  }
  const version = data['lockfileVersion'];
  const cursor = new KeyCursor(text, lineOf);
  if (version !== 1 && version !== 2 && version !== 3) {
    throw new InputError(`${file}:${cursor.lineOfKey('lockfileVersion', false) ?? 1}`, `"lockfileVersion" is ${JSON.stringify(version)}; expected 1, 2 or 3`);
  }
  const notes: string[] = [];
  const entries = version === 1 ? legacyEntries(data, file, cursor) : packagesEntries(data, file, cursor, notes, options.omitDev === true);
  return { file, format: 'package-lock', entries, includes: [], notes };
}

/** v2 and v3: `packages`, keyed by install path (`node_modules/a/node_modules/b`); "" is the project. */
function packagesEntries(data: Json, file: string, cursor: KeyCursor, notes: string[], omitDev: boolean): LockEntry[] {
  const packages = data['packages'];
  if (!isObject(packages)) {
    throw new InputError(
      `${file}:${cursor.lineOfKey('lockfileVersion', false) ?? 1}`,
      `lockfileVersion ${String(data['lockfileVersion'])} needs a "packages" object`,
    );
  }
  cursor.seek('packages');
  const entries: LockEntry[] = [];
  let devOnly = 0;
  for (const [path, meta] of Object.entries(packages)) {
    const line = cursor.lineOfKey(path) ?? 1;
    if (path === '') {
      continue;
    }
    if (!isObject(meta)) {
      throw new InputError(`${file}:${line}`, `packages["${path}"] is ${typeOf(meta)}; expected an object with "version"`);
    }
    if (omitDev && meta['dev'] === true) {
      devOnly++;
      continue;
    }
    const at = path.lastIndexOf('node_modules/');
    if (at < 0) {
      // A workspace folder: the project's own code, reached through its link entry.
      continue;
    }
    const name = typeof meta['name'] === 'string' ? meta['name'] : path.slice(at + 'node_modules/'.length);
    if (meta['link'] === true) {
      const target = String(meta['resolved'] ?? '');
      if (target.startsWith('..') || target.startsWith('/')) {
        entries.push(
          entry(
            name,
            { kind: 'unpinned', reason: `a link to the folder ${target} outside the project runs whatever is on disk` },
            `${name} -> ${target}`,
            file,
            line,
          ),
        );
      } else {
        notes.push(`${file}:${line}: ${path} links to the workspace folder ${target} (the project's own code; not compared)`);
      }
      continue;
    }
    const version = meta['version'];
    if (version === undefined) {
      entries.push(entry(name, { kind: 'unpinned', reason: 'no version in the lock' }, name, file, line));
      continue;
    }
    if (typeof version !== 'string' || version === '') {
      throw new InputError(`${file}:${line}`, `packages["${path}"].version is ${typeOf(version)}; expected a version string`);
    }
    entries.push(entry(name, { kind: 'exact', version }, `${name}@${version}`, file, line));
  }
  if (devOnly > 0) {
    notes.push(`${file}: ${devOnly} packages needed only for development left out (what npm ci --omit=dev installs)`);
  }
  return entries;
}

/** v1: `dependencies`, nested as installed; a version may be a URL, a git ref or `file:`. */
function legacyEntries(data: Json, file: string, cursor: KeyCursor): LockEntry[] {
  const dependencies = data['dependencies'];
  if (dependencies === undefined) {
    return [];
  }
  if (!isObject(dependencies)) {
    throw new InputError(`${file}:${cursor.lineOfKey('dependencies', false) ?? 1}`, '"dependencies" is not an object; expected name -> { "version": ... }');
  }
  cursor.seek('dependencies');
  const entries: LockEntry[] = [];
  const walk = (deps: Json, trail: string): void => {
    for (const [key, meta] of Object.entries(deps)) {
      const line = cursor.lineOfKey(key) ?? 1;
      const version = isObject(meta) ? meta['version'] : undefined;
      if (!isObject(meta) || typeof version !== 'string' || version === '') {
        throw new InputError(`${file}:${line}`, `dependencies${trail}["${key}"] has no "version" string; expected { "version": "1.2.3", ... }`);
      }
      // `npm:real-name@1.2.3` is an alias: the installed package is real-name.
      const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(version);
      const name = alias ? alias[1]! : key;
      const pinned = alias ? alias[2]! : version;
      entries.push(entry(name, legacyPin(pinned), `${name}@${pinned}`, file, line));
      if (meta['dependencies'] !== undefined) {
        if (!isObject(meta['dependencies'])) {
          throw new InputError(`${file}:${line}`, `dependencies${trail}["${key}"].dependencies is not an object`);
        }
        walk(meta['dependencies'], `${trail}["${key}"].dependencies`);
      }
    }
  };
  walk(dependencies, '');
  return entries;
}

/** A v1 version: a registry version, a git URL at a commit, or a local path. */
function legacyPin(version: string): Pin {
  if (version.startsWith('file:') || version.startsWith('link:')) {
    return { kind: 'unpinned', reason: `${version} is a local folder or file` };
  }
  if (/^(git|git\+[a-z]+|github|gitlab|bitbucket):/.test(version) || /^[^/@:]+\/[^/]+#/.test(version)) {
    const ref = version.includes('#') ? version.slice(version.lastIndexOf('#') + 1) : null;
    return ref !== null && /^[0-9a-f]{40}$/i.test(ref)
      ? { kind: 'exact', version }
      : { kind: 'unpinned', reason: `a git reference at ${ref === null ? 'the default branch' : `"${ref}", not a commit hash,`} can move` };
  }
  return { kind: 'exact', version };
}

function entry(name: string, pin: Pin, spec: string, file: string, line: number): LockEntry {
  return { name, key: packageKey('npm', name), ecosystem: 'npm', spec, pin, file, line };
}

/**
 * Finds the line of each key in document order. JSON.parse keeps the keys' order (no package
 * name or install path is an integer-like key), so one forward scan serves the whole file.
 */
class KeyCursor {
  private offset = 0;

  constructor(
    private readonly text: string,
    private readonly lineOf: (offset: number) => number,
  ) {}

  /** Moves past the next occurrence of `"key": {`. */
  seek(key: string): void {
    const at = this.find(key, true);
    if (at >= 0) {
      this.offset = at + 1;
    }
  }

  /**
   * The line of the next `"key":` after the cursor, moving the cursor there. Package keys hold
   * objects, which tells them from the same name in a v1 entry's `requires` (a string).
   */
  lineOfKey(key: string, objectValue = true): number | null {
    // A malformed entry (not an object) is still found, for its error message.
    const found = this.find(key, objectValue);
    const at = found < 0 && objectValue ? this.find(key, false) : found;
    if (at < 0) {
      return null;
    }
    this.offset = at + 1;
    return this.lineOf(at);
  }

  private find(key: string, objectValue: boolean): number {
    const pattern = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:${objectValue ? '\\s*\\{' : ''}`, 'g');
    pattern.lastIndex = this.offset;
    return pattern.exec(this.text)?.index ?? -1;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? `"${value}"` : typeof value;
}
