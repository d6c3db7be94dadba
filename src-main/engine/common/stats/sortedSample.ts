/**
 * A numeric sample sorted once, stored run-length: each distinct finite value once, ascending,
 * with the running count of values up to it. Every distribution statistic here (PSI's counts,
 * KS, Wasserstein, quantiles) reads this form, so a reference is sorted once and then counted by
 * binary search; data with many ties (minutes, miles) costs its distinct values, not its rows.
 */
import { sortFloats } from './sortFloats';

/** Finite values in ascending order, run-length. */
export interface SortedSample {
  /** The distinct values, ascending. */
  readonly values: Float64Array;
  /** `cumulative[i]`: how many values are <= `values[i]`. */
  readonly cumulative: Float64Array;
  /** How many values in all (`cumulative` at the end). */
  readonly n: number;
}

/** The sample of the finite values among `values` (NaN and +-Infinity are left out). */
export function sortedSample(values: ArrayLike<number>): SortedSample {
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      finite++;
    }
  }
  const sorted = new Float64Array(finite);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      sorted[k++] = v;
    }
  }
  sortFloats(sorted);
  return runLength(sorted, null);
}

/**
 * The sample from values already in ascending order, each with how many times it occurs
 * (`counts` null: once each). Order is checked, not assumed: a reader that hands over unsorted
 * values gets an error rather than wrong statistics.
 */
export function runLength(ascending: Float64Array, counts: ArrayLike<number> | null): SortedSample {
  return counts === null ? runLengthOfRows(ascending) : runLengthOfPairs(ascending, counts);
}

/** One count per row: a single pass that keeps the first of each run of equal values. */
function runLengthOfRows(ascending: Float64Array): SortedSample {
  const m = ascending.length;
  const values = new Float64Array(m);
  const cumulative = new Float64Array(m);
  let d = -1;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const v = ascending[i]!;
    if (v === last) {
      cumulative[d] = i + 1;
    } else if (v > last && v < Number.POSITIVE_INFINITY) {
      d++;
      values[d] = v;
      cumulative[d] = i + 1;
      last = v;
    } else {
      throw new Error(`runLength: ${v} after ${last} at ${i}; expected ascending finite values`);
    }
  }
  return { values: values.subarray(0, d + 1), cumulative: cumulative.subarray(0, d + 1), n: m };
}

/** Value/count pairs (a GROUP BY): zero counts dropped, equal neighbours merged. */
function runLengthOfPairs(ascending: Float64Array, counts: ArrayLike<number>): SortedSample {
  const m = ascending.length;
  const values = new Float64Array(m);
  const cumulative = new Float64Array(m);
  let d = -1;
  let total = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const v = ascending[i]!;
    const c = counts[i]!;
    if (!(c >= 0 && Number.isFinite(c))) {
      throw new Error(`runLength: count ${c} at ${i}; expected a count`);
    }
    if (c === 0) {
      continue;
    }
    total += c;
    if (v === last) {
      cumulative[d] = total;
    } else if (v > last && v < Number.POSITIVE_INFINITY) {
      d++;
      values[d] = v;
      cumulative[d] = total;
      last = v;
    } else {
      throw new Error(`runLength: ${v} after ${last} at ${i}; expected ascending finite values`);
    }
  }
  return { values: values.subarray(0, d + 1), cumulative: cumulative.subarray(0, d + 1), n: total };
}

/**
 * The values of `whole` with those of `part` taken out (a multiset difference), as a sorted
 * sample: a reference slice without one of its own chunks, for calibrating thresholds on the
 * reference. Every value of `part` must occur in `whole` at least as often.
 */
export function sampleDifference(whole: SortedSample, part: SortedSample): SortedSample {
  const m = whole.values.length;
  const values = new Float64Array(m);
  const cumulative = new Float64Array(m);
  let d = 0;
  let j = 0;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const v = whole.values[i]!;
    let count = whole.cumulative[i]! - (i === 0 ? 0 : whole.cumulative[i - 1]!);
    if (j < part.values.length && part.values[j]! < v) {
      throw new Error(`sampleDifference: ${part.values[j]} is not in the whole sample`);
    }
    if (j < part.values.length && part.values[j] === v) {
      count -= part.cumulative[j]! - (j === 0 ? 0 : part.cumulative[j - 1]!);
      j++;
      if (count < 0) {
        throw new Error(`sampleDifference: ${v} occurs more often in the part than in the whole`);
      }
    }
    if (count > 0) {
      total += count;
      values[d] = v;
      cumulative[d] = total;
      d++;
    }
  }
  if (j < part.values.length) {
    throw new Error(`sampleDifference: ${part.values[j]} is not in the whole sample`);
  }
  return { values: values.subarray(0, d), cumulative: cumulative.subarray(0, d), n: total };
}

/** How many values are < x (numpy `searchsorted(x, side='left')`). */
export function countBelow(sample: SortedSample, x: number): number {
  // First distinct index whose value is >= x.
  let lo = 0;
  let hi = sample.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sample.values[mid]! < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo === 0 ? 0 : sample.cumulative[lo - 1]!;
}

/** How many values are <= x (numpy `searchsorted(x, side='right')`). */
export function countAtMost(sample: SortedSample, x: number): number {
  // First distinct index whose value is > x.
  let lo = 0;
  let hi = sample.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sample.values[mid]! <= x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo === 0 ? 0 : sample.cumulative[lo - 1]!;
}

/** The value of 0-based rank `r` in the sorted sample (r < n). */
function valueAtRank(sample: SortedSample, rank: number): number {
  // First distinct index whose running count exceeds the rank.
  let lo = 0;
  let hi = sample.values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sample.cumulative[mid]! > rank) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return sample.values[lo]!;
}

/** The q-quantile as `np.quantile` computes it (method "linear"); null on an empty sample. */
export function sampleQuantile(sample: SortedSample, q: number): number | null {
  if (sample.n === 0) {
    return null;
  }
  const position = (sample.n - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sample.n - 1);
  const t = position - lower;
  const low = valueAtRank(sample, lower);
  const high = valueAtRank(sample, upper);
  // numpy's `_lerp`: from the nearer end, so the result is monotone in q.
  const diff = high - low;
  return t >= 0.5 ? high - diff * (1 - t) : low + diff * t;
}
