/** null-spike: a share of values (rate x intensity) arrive null (a broken join or a timeout upstream). */
import { mapTargetColumns } from './chunkEdits';
import { drawRows } from './rowDraws';
import type { ApplyShift } from './shiftOperator';

/** Nulls the targets on the rows drawn. */
export const applyNullSpike: ApplyShift<'null-spike'> = (chunk, shift, rng) => {
  const nulled = drawRows(chunk, shift, rng, (w) => shift.rate * w);
  return mapTargetColumns(chunk, shift.target, (column) => {
    if (column.kind === 'text') {
      return { kind: 'text', values: column.values.map((v, i) => (nulled[i] ? null : v)) };
    }
    const values = Float64Array.from(column.values);
    const valid = Uint8Array.from(column.valid);
    nulled.forEach((n, i) => {
      if (n) {
        values[i] = Number.NaN;
        valid[i] = 0;
      }
    });
    return { kind: 'number', values, valid };
  });
};
