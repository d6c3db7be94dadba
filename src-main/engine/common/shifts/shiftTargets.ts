/**
 * Checks a scenario's shifts against the snapshot before anything streams: every target column
 * exists (or is made by an earlier rename) and has the kind its operator needs, and a label
 * shift has a label. The replay calls this at its start so a typo fails as bad input (exit 2)
 * with the field named, not halfway through a run.
 */
import type { Shift } from '../scenario/sections/shifts';

/** A problem with one shift: the field (`shifts[2].target`) and what was expected. */
export interface ShiftProblem {
  readonly path: string;
  readonly message: string;
}

const NUMERIC_ONLY = new Set(['scale', 'unit-change', 'gaussian-noise']);
const TEXT_ONLY = new Set(['category-injection', 'category-collapse']);

/** Problems of `shifts` against the columns (name -> kind) a chunk will have. */
export function checkShiftTargets(shifts: readonly Shift[], columns: ReadonlyMap<string, 'number' | 'text'>, labelled: boolean): ShiftProblem[] {
  const problems: ShiftProblem[] = [];
  // Columns as the stream will see them at each shift: renames add the new name (and keep the old before start).
  const known = new Map(columns);
  shifts.forEach((shift, i) => {
    if (shift.operator === 'label-prior-shift') {
      if (!labelled) {
        problems.push({ path: `shifts[${i}].operator`, message: 'label-prior-shift needs a label (snapshots.production.label)' });
      }
      return;
    }
    for (const name of shift.target) {
      const kind = known.get(name);
      if (kind === undefined) {
        problems.push({
          path: `shifts[${i}].target`,
          message: `expected a column of the snapshot or a derived feature; "${name}" is not one of: ${[...known.keys()].join(', ')}`,
        });
      } else if (NUMERIC_ONLY.has(shift.operator) && kind !== 'number') {
        problems.push({ path: `shifts[${i}].target`, message: `column "${name}" holds text; ${shift.operator} needs a numeric column` });
      } else if (TEXT_ONLY.has(shift.operator) && kind !== 'text') {
        problems.push({ path: `shifts[${i}].target`, message: `column "${name}" holds numbers; ${shift.operator} needs a text (categorical) column` });
      }
    }
    if (shift.operator === 'column-rename' && known.has(shift.target[0]!)) {
      known.set(shift.to, known.get(shift.target[0]!)!);
    }
  });
  return problems;
}
