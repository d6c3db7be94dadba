/**
 * category-collapse: listed categories (or all but `keep`) arrive merged into one (`OTHER`), as
 * when an upstream system starts bucketing. While ramping, each row has collapsed with
 * probability equal to the intensity.
 */
import { mapTextTargets } from './chunkEdits';
import { drawRows } from './rowDraws';
import type { ApplyShift } from './shiftOperator';

/** Merges the collapsing categories of the rows drawn. */
export const applyCategoryCollapse: ApplyShift<'category-collapse'> = (chunk, shift, rng, where) => {
  const merged = new Set(shift.categories ?? []);
  const kept = new Set(shift.keep ?? []);
  const collapses = (v: string): boolean => (shift.keep !== undefined ? !kept.has(v) : merged.has(v));
  const active = drawRows(chunk, shift, rng, (w) => w);
  return mapTextTargets(chunk, shift.target, where, 'category-collapse', (v, i) => (active[i] && v !== null && collapses(v) ? shift.into : v));
};
