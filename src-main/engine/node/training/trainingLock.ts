/**
 * training.lock: the exact packages a model was trained with, for the dependency check
 * (DESIGN.md, check 5). Its format is package-lock.json's (lockfileVersion 3): the `packages`
 * entries of the training closure copied from the project's own lock, each with its exact
 * version, resolved URL and integrity, so `lock-check` reads it like any npm lock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  readonly version?: string;
  readonly resolved?: string;
  readonly integrity?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/** The lock file format named in the model card. */
export const TRAINING_LOCK_FORMAT = 'package-lock (npm lockfileVersion 3)';

/** The package-lock subset of `roots` and everything they depend on, from `<root>/package-lock.json`. */
export function trainingLock(projectRoot: string, name: string, roots: readonly string[]): object {
  const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, LockEntry> = {};
  const visit = (from: string, dependency: string): void => {
    const path = resolvePackage(lock.packages, from, dependency);
    if (path === null || path in packages) {
      return;
    }
    const entry = lock.packages[path]!;
    packages[path] = {
      version: entry.version,
      ...(entry.resolved ? { resolved: entry.resolved } : {}),
      ...(entry.integrity ? { integrity: entry.integrity } : {}),
      ...(entry.dependencies ? { dependencies: entry.dependencies } : {}),
    };
    for (const next of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      visit(path, next);
    }
  };
  const rootDependencies: Record<string, string> = {};
  for (const root of roots) {
    visit('', root);
    rootDependencies[root] = lock.packages[`node_modules/${root}`]?.version ?? 'missing';
  }
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { name, lockfileVersion: 3, requires: true, packages: { '': { name, dependencies: rootDependencies }, ...sorted } };
}

/** Node's resolution inside a lock: `<from>/node_modules/<dep>`, then each parent folder's. */
function resolvePackage(packages: Readonly<Record<string, LockEntry>>, from: string, dependency: string): string | null {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${dependency}`;
    if (candidate in packages) {
      return candidate;
    }
    if (base === '') {
      return null;
    }
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}
