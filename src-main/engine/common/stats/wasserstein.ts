/**
 * The Wasserstein-1 (earth mover's) distance between two samples, as
 * `scipy.stats.wasserstein_distance(u, v)` defines it: the integral of |U(x) - V(x)| over the
 * pooled values, the ECDFs taken as searchsorted(side='right') / n. Summed with compensation
 * (scipy sums by a dot product), so the two agree to rounding.
 */
import type { SortedSample } from './sortedSample';

/** W1(u, v); null when either sample is empty (scipy raises there). */
export function wassersteinDistance(u: SortedSample, v: SortedSample): number | null {
  if (u.n === 0 || v.n === 0) {
    return null;
  }
  const uv = u.values;
  const vv = v.values;
  let i = 0;
  let j = 0;
  let sum = 0;
  let compensation = 0;
  let previous = Number.NaN;
  let previousGap = 0;
  while (i < uv.length || j < vv.length) {
    const x = j >= vv.length || (i < uv.length && uv[i]! <= vv[j]!) ? uv[i]! : vv[j]!;
    if (!Number.isNaN(previous)) {
      const term = previousGap * (x - previous);
      const t = sum + term;
      compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
    }
    if (i < uv.length && uv[i] === x) {
      i++;
    }
    if (j < vv.length && vv[j] === x) {
      j++;
    }
    previousGap = Math.abs((i === 0 ? 0 : u.cumulative[i - 1]!) / u.n - (j === 0 ? 0 : v.cumulative[j - 1]!) / v.n);
    previous = x;
  }
  return sum + compensation;
}
