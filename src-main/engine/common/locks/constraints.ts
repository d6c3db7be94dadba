/**
 * `-c constraints.txt` as pip applies it: a constraint never adds a package, but an exact pin
 * there fixes the version of a package the requirements name loosely.
 */
import type { LockEntry } from './lockFile';

/** The requirements with each loose entry pinned by an exact constraint on the same package. */
export function applyConstraints(requirements: readonly LockEntry[], constraints: readonly LockEntry[]): LockEntry[] {
  const exact = new Map<string, LockEntry>();
  for (const c of constraints) {
    if (c.pin.kind === 'exact' && !exact.has(c.key)) {
      exact.set(c.key, c);
    }
  }
  return requirements.map((entry) => {
    const constraint = exact.get(entry.key);
    if (entry.pin.kind === 'exact' || !constraint) {
      return entry;
    }
    return { ...entry, pin: constraint.pin, spec: `${entry.spec} (constrained to ${constraint.spec} by ${constraint.file}:${constraint.line})` };
  });
}
