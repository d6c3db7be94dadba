/**
 * Data-quality counts of a column (the seed's layer 2): nulls, NaN and Infinity apart, values
 * that were not numbers where numbers were expected, and the share of current values outside the
 * reference's range. Distribution statistics use only the non-null finite values; these say what
 * was left out.
 */
import type { LeftOutCounts } from '../../../contract/drift';
import { countAtMost, countBelow, type SortedSample } from './sortedSample';

/** What a numeric column holds besides its finite values. */
export function leftOutOf(values: ArrayLike<number>, valid: ArrayLike<number> | null): LeftOutCounts {
  let nulls = 0;
  let nan = 0;
  let infinity = 0;
  for (let i = 0; i < values.length; i++) {
    if (valid !== null && valid[i] === 0) {
      nulls++;
    } else if (Number.isNaN(values[i])) {
      nan++;
    } else if (!Number.isFinite(values[i])) {
      infinity++;
    }
  }
  return { null: nulls, nan, infinity, notNumeric: 0 };
}

/** Nulls over rows; null when there are no rows. */
export function nullRate(nulls: number, rows: number): number | null {
  return rows === 0 ? null : nulls / rows;
}

/** Share of current values below the reference's minimum or above its maximum; null when either is empty. */
export function outOfRangeShare(reference: SortedSample, current: SortedSample): number | null {
  if (reference.n === 0 || current.n === 0) {
    return null;
  }
  const below = countBelow(current, reference.values[0]!);
  const above = current.n - countAtMost(current, reference.values[reference.values.length - 1]!);
  return (below + above) / current.n;
}
