/** category-injection: a share of rows (rate x intensity) take a category the reference never saw (a new airport). */
import { mapTextTargets } from './chunkEdits';
import { drawRows } from './rowDraws';
import type { ApplyShift } from './shiftOperator';

/** Replaces the category of the rows drawn with the new one. */
export const applyCategoryInjection: ApplyShift<'category-injection'> = (chunk, shift, rng, where) => {
  const injected = drawRows(chunk, shift, rng, (w) => shift.rate * w);
  return mapTextTargets(chunk, shift.target, where, 'category-injection', (v, i) => (injected[i] ? shift.value : v));
};
