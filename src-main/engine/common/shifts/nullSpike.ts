/** null-spike: a share of values (rate x intensity) arrive null (a broken join or a timeout upstream). */
import type { ChunkColumn } from '../ports/snapshot';
import { withColumn } from './chunkEdits';
import { inSpan, intensityAt } from './intensity';
import type { ApplyShift } from './shiftOperator';

export const applyNullSpike: ApplyShift<'null-spike'> = (chunk, shift, rng) => {
  const nulled = new Uint8Array(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) {
    const t = chunk.eventTime[i]!;
    if (inSpan(shift, t)) {
      nulled[i] = rng.next() < shift.rate * intensityAt(shift, t) ? 1 : 0;
    }
  }
  let out = chunk;
  for (const name of shift.target) {
    const column = chunk.columns[name];
    if (column === undefined) {
      continue;
    }
    let replaced: ChunkColumn;
    if (column.kind === 'number') {
      const values = Float64Array.from(column.values);
      const valid = Uint8Array.from(column.valid);
      nulled.forEach((n, i) => {
        if (n) {
          values[i] = Number.NaN;
          valid[i] = 0;
        }
      });
      replaced = { kind: 'number', values, valid };
    } else {
      replaced = { kind: 'text', values: column.values.map((v, i) => (nulled[i] ? null : v)) };
    }
    out = withColumn(out, name, replaced);
  }
  return out;
};
