/**
 * Reads a lock file from disk in its detected (or given) format, and follows its `-r`/`-c`
 * includes where that is safe: a relative path to a file, read once. URLs and absolute paths
 * are reported in the notes and not read, since they depend on the network or the machine.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { applyConstraints } from '../../common/locks/constraints';
import type { LockEntry, LockFile, LockFormat } from '../../common/locks/lockFile';
import { detectLockFormat, parseLockText } from '../../common/locks/parseLock';
import { InputError } from '../../common/run/inputError';

/** How deep `-r` may nest before the reader stops following (pip has no limit; a loop is caught anyway). */
const MAX_INCLUDE_DEPTH = 8;

/** Reads and parses a lock file; throws an InputError naming the file (and line) on bad input. */
export function readLockFile(path: string, format?: LockFormat): LockFile {
  const text = readText(path);
  const lock = parseLockText(text, path, format ?? detectLockFormat(basename(path), text));
  return followIncludes(lock, 1, new Set([resolveKey(path)]));
}

function readText(path: string, includedFrom?: string): string {
  const where = includedFrom ?? path;
  if (!existsSync(path)) {
    throw new InputError(where, includedFrom ? `${path} not found; expected a requirements file relative to the including one` : 'lock file not found');
  }
  if (statSync(path).isDirectory()) {
    throw new InputError(where, `${path} is a folder; expected a lock file (pip freeze output, requirements.txt, package-lock.json or environment.yml)`);
  }
  // A byte order mark (Windows editors write one) is not part of the first line, as pip reads it.
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) {
    throw new InputError(`${path}:1`, 'a binary file; expected a text lock file (pip freeze output, requirements.txt, package-lock.json or environment.yml)');
  }
  return text;
}

function followIncludes(lock: LockFile, depth: number, seen: Set<string>): LockFile {
  if (lock.includes.length === 0) {
    return lock;
  }
  const entries: LockEntry[] = [...lock.entries];
  const constraints: LockEntry[] = [];
  const notes: string[] = [...lock.notes];
  for (const include of lock.includes) {
    const flag = include.kind === 'requirements' ? '-r' : '-c';
    const where = `${include.file}:${include.line}`;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(include.target)) {
      notes.push(`${where}: ${flag} ${include.target} not followed: a URL is not fetched`);
      continue;
    }
    if (isAbsolute(include.target)) {
      notes.push(`${where}: ${flag} ${include.target} not followed: an absolute path names a file on one machine`);
      continue;
    }
    const path = join(dirname(include.file), include.target);
    const key = resolveKey(path);
    if (seen.has(key)) {
      notes.push(`${where}: ${flag} ${include.target} already read`);
      continue;
    }
    if (depth >= MAX_INCLUDE_DEPTH) {
      notes.push(`${where}: ${flag} ${include.target} not followed: includes nest deeper than ${MAX_INCLUDE_DEPTH}`);
      continue;
    }
    seen.add(key);
    const included = followIncludes(parseLockText(readText(path, where), path, 'requirements'), depth + 1, seen);
    notes.push(
      `${where}: ${flag} ${include.target} read (${included.entries.length} ${included.entries.length === 1 ? 'entry' : 'entries'})`,
      ...included.notes,
    );
    (include.kind === 'requirements' ? entries : constraints).push(...included.entries);
  }
  return { ...lock, entries: applyConstraints(entries, constraints), includes: [], notes };
}

function resolveKey(path: string): string {
  return resolve(path);
}
