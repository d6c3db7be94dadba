/**
 * category-collapse: listed categories (or all but `keep`) arrive merged into one (`OTHER`), as
 * when an upstream system starts bucketing. While ramping, each row has collapsed with
 * probability equal to the intensity.
 */
import { textTarget, withColumn } from './chunkEdits';
import { inSpan, intensityAt } from './intensity';
import type { ApplyShift } from './shiftOperator';

export const applyCategoryCollapse: ApplyShift<'category-collapse'> = (chunk, shift, rng, where) => {
  const merged = new Set(shift.categories ?? []);
  const kept = new Set(shift.keep ?? []);
  const collapses = (v: string): boolean => (shift.keep !== undefined ? !kept.has(v) : merged.has(v));
  const active = new Uint8Array(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) {
    const t = chunk.eventTime[i]!;
    if (inSpan(shift, t)) {
      active[i] = rng.next() < intensityAt(shift, t) ? 1 : 0;
    }
  }
  let out = chunk;
  for (const name of shift.target) {
    const column = textTarget(chunk, name, `${where}.target`, 'category-collapse');
    if (column !== null) {
      out = withColumn(out, name, { kind: 'text', values: column.values.map((v, i) => (active[i] && v !== null && collapses(v) ? shift.into : v)) });
    }
  }
  return out;
};
