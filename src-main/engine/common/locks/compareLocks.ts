/**
 * The training lock against the serving lock, package by package (the seed's "Hermetic Model
 * Packaging"): a package with no version is `unpinned`, one with a specifier other than an
 * exact pin is a `range`, two exact pins that differ are a `mismatch`, and a package on one side
 * only is `missing`, which alone does not fail.
 */
import type { LockComparison, LockProblem, LockProblemKind, LockSideView, LockSummary } from '../../../contract/events/dependencies';
import type { LockEntry, LockFile } from './lockFile';
import { pep503Name } from './packageNames';
import { canonicalVersion } from './pep440';

export type { LockComparison, LockProblem, LockProblemKind, LockSideView, LockSummary } from '../../../contract/events/dependencies';

/** Most severe first: the order problems are listed in. */
export const LOCK_PROBLEM_KINDS: readonly LockProblemKind[] = ['unpinned', 'range', 'mismatch', 'missing'];

/**
 * Runtimes published under one version line in both ecosystems: a Node serving lock pins
 * `onnxruntime-node` where a Python training lock pins `onnxruntime`, and the two must agree.
 * Applied only when the two locks come from different ecosystems.
 */
const CROSS_ECOSYSTEM: Readonly<Record<string, string>> = {
  'onnxruntime-node': 'onnxruntime',
  'onnxruntime-gpu': 'onnxruntime',
};

/** Compares every package of the two locks. */
export function compareLocks(training: LockFile, serving: LockFile): LockComparison {
  const crossFamily = families(training) !== families(serving);
  const keyOf = (e: LockEntry): string => (crossFamily ? (CROSS_ECOSYSTEM[e.key] ?? e.key) : e.key);
  const left = groupBy(training.entries, keyOf);
  const right = groupBy(serving.entries, keyOf);
  const keys = [...new Set([...left.keys(), ...right.keys()])];
  const problems: LockProblem[] = [];
  let compared = 0;
  for (const key of keys) {
    const t = left.get(key) ?? [];
    const s = right.get(key) ?? [];
    if (t.length > 0 && s.length > 0) {
      compared += 1;
    }
    const problem = compareSides(key, t, s, crossFamily);
    if (problem) {
      problems.push(problem);
    }
  }
  problems.sort(
    (a, b) => LOCK_PROBLEM_KINDS.indexOf(a.kind) - LOCK_PROBLEM_KINDS.indexOf(b.kind) || (a.package < b.package ? -1 : a.package > b.package ? 1 : 0),
  );
  const counts = Object.fromEntries(LOCK_PROBLEM_KINDS.map((kind) => [kind, problems.filter((p) => p.kind === kind).length])) as Record<
    LockProblemKind,
    number
  >;
  return {
    training: summary(training, keyOf),
    serving: summary(serving, keyOf),
    compared,
    problems,
    counts,
    failed: problems.some((p) => p.kind !== 'missing'),
  };
}

function compareSides(key: string, t: readonly LockEntry[], s: readonly LockEntry[], crossFamily: boolean): LockProblem | null {
  const view = (entries: readonly LockEntry[]): LockSideView | null =>
    entries.length === 0 ? null : { spec: [...new Set(entries.map((e) => e.spec))].join(' | '), at: `${entries[0]!.file}:${entries[0]!.line}` };
  const problem = (kind: LockProblemKind, detail: string): LockProblem => ({
    package: displayName([...t, ...s]),
    kind,
    training: view(t),
    serving: view(s),
    detail,
  });
  const loose = (kind: 'unpinned' | 'range'): string[] => [...reasons(t, kind).map((r) => `training: ${r}`), ...reasons(s, kind).map((r) => `serving: ${r}`)];
  const absence = t.length === 0 ? '; not in training' : s.length === 0 ? '; not in serving' : '';
  for (const kind of ['unpinned', 'range'] as const) {
    const found = loose(kind);
    if (found.length > 0) {
      return problem(kind, found.join('; ') + absence);
    }
  }
  if (t.length === 0 || s.length === 0) {
    return problem('missing', t.length === 0 ? 'only in serving' : 'only in training');
  }
  const tv = versions(t, crossFamily);
  const sv = versions(s, crossFamily);
  const markers = [...t, ...s].some((e) => e.marker !== undefined) ? ' (environment markers are not evaluated)' : '';
  if (!crossFamily && families1(t) === 'npm' && [...tv.keys].every((k) => sv.keys.has(k)) && sv.keys.size > tv.keys.size) {
    // npm installs a package once per version its dependents need: every copy training had is
    // still installed (its dependents resolve to it), and the other copies serve packages
    // training did not have. Listed, not failed.
    const extra = sv.shown.filter((v) => !tv.shown.includes(v));
    return problem('missing', `serving also installs ${extra.join(', ')} beside training's ${tv.shown.join(', ')}, for packages training did not have`);
  }
  if (!sameSet(tv.keys, sv.keys)) {
    return problem('mismatch', `training pins ${tv.shown.join(', ')}, serving pins ${sv.shown.join(', ')}${markers}`);
  }
  if (tv.builds !== null && sv.builds !== null && !sameSet(tv.builds, sv.builds)) {
    return problem(
      'mismatch',
      `the same version ${tv.shown.join(', ')}, other builds: training ${[...tv.builds].join(', ')}, serving ${[...sv.builds].join(', ')}`,
    );
  }
  return null;
}

/** The names as written (`Jinja2`, `_libgcc_mutex`); two spellings of one name once, two names both (`onnxruntime / onnxruntime-node`). */
function displayName(entries: readonly LockEntry[]): string {
  const names = new Map<string, string>();
  for (const e of entries) {
    const spelling = pep503Name(e.name);
    if (!names.has(spelling)) {
      names.set(spelling, e.name);
    }
  }
  return [...names.values()].join(' / ');
}

function reasons(entries: readonly LockEntry[], kind: 'unpinned' | 'range'): string[] {
  return [...new Set(entries.flatMap((e) => (e.pin.kind === kind ? [e.pin.reason] : [])))];
}

/**
 * The exact versions of one side, as keys that are equal when the versions are: PEP 440's
 * canonical form for Python (and across ecosystems), npm's versions as written. Builds only
 * when every entry names one (conda), since a pip pin says nothing about a conda build.
 */
function versions(entries: readonly LockEntry[], crossFamily: boolean): { keys: Set<string>; shown: string[]; builds: Set<string> | null } {
  const keys = new Set<string>();
  const shown = new Set<string>();
  const builds = new Set<string>();
  let everyBuild = true;
  for (const e of entries) {
    if (e.pin.kind !== 'exact') {
      continue;
    }
    const version = e.pin.version;
    keys.add(e.ecosystem === 'npm' && !crossFamily ? version : (canonicalVersion(version) ?? version.toLowerCase()));
    shown.add(version);
    if (e.pin.build === undefined) {
      everyBuild = false;
    } else {
      builds.add(e.pin.build);
    }
  }
  return { keys, shown: [...shown], builds: everyBuild ? builds : null };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function groupBy(entries: readonly LockEntry[], keyOf: (e: LockEntry) => string): Map<string, LockEntry[]> {
  const groups = new Map<string, LockEntry[]>();
  for (const e of entries) {
    const key = keyOf(e);
    const list = groups.get(key);
    if (list) {
      list.push(e);
    } else {
      groups.set(key, [e]);
    }
  }
  return groups;
}

/** The ecosystem of one package's entries. */
function families1(entries: readonly LockEntry[]): 'npm' | 'python' {
  return entries[0]!.ecosystem === 'npm' ? 'npm' : 'python';
}

/** npm, or Python (PyPI and conda share names and versions). */
function families(lock: LockFile): 'npm' | 'python' {
  return lock.format === 'package-lock' ? 'npm' : 'python';
}

function summary(lock: LockFile, keyOf: (e: LockEntry) => string): LockSummary {
  return { file: lock.file, format: lock.format, packages: new Set(lock.entries.map(keyOf)).size, notes: lock.notes };
}
