/** category-injection: a share of rows (rate x intensity) take a category the reference never saw (a new airport). */
import { textTarget, withColumn } from './chunkEdits';
import { inSpan, intensityAt } from './intensity';
import type { ApplyShift } from './shiftOperator';

export const applyCategoryInjection: ApplyShift<'category-injection'> = (chunk, shift, rng, where) => {
  const injected = new Uint8Array(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) {
    const t = chunk.eventTime[i]!;
    if (inSpan(shift, t)) {
      injected[i] = rng.next() < shift.rate * intensityAt(shift, t) ? 1 : 0;
    }
  }
  let out = chunk;
  for (const name of shift.target) {
    const column = textTarget(chunk, name, `${where}.target`, 'category-injection');
    if (column !== null) {
      out = withColumn(out, name, { kind: 'text', values: column.values.map((v, i) => (injected[i] ? shift.value : v)) });
    }
  }
  return out;
};
