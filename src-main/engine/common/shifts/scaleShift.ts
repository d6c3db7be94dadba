/** scale: x * factor + offset at full strength; while ramping, factor and offset move from 1 and 0 toward theirs. */
import { numericTarget, withColumn } from './chunkEdits';
import { intensityAt } from './intensity';
import type { ApplyShift } from './shiftOperator';

export const applyScale: ApplyShift<'scale'> = (chunk, shift, _rng, where) => {
  let out = chunk;
  for (const name of shift.target) {
    const column = numericTarget(chunk, name, `${where}.target`, 'scale');
    if (column === null) {
      continue;
    }
    const values = Float64Array.from(column.values);
    for (let i = 0; i < chunk.rowCount; i++) {
      const w = intensityAt(shift, chunk.eventTime[i]!);
      if (w > 0 && column.valid[i]) {
        values[i] = values[i]! * (1 + w * (shift.factor - 1)) + w * shift.offset;
      }
    }
    out = withColumn(out, name, { kind: 'number', values, valid: column.valid });
  }
  return out;
};
