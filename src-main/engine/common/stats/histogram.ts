/**
 * Counts on equal-width bins exactly as numpy's `np.histogram(a, bins=k, range=(lo, hi))` counts
 * float64 values: edges as `np.linspace` makes them (`lo + i * step`, the last edge exactly `hi`),
 * half-open bins with the last one closed. A plain `floor((x - lo) / width)` disagrees with numpy
 * for values on or near an edge (0.15 on twenty bins of [0, 1] is bin 2 for numpy, 3 for floor).
 */

/** Counts per bin, and the values that fell in no bin (outside [lo, hi], NaN). */
export interface BinnedCounts {
  readonly counts: number[];
  readonly outside: number;
}

/** `np.histogram` counts of `values` on `bins` equal-width bins over [lo, hi]. */
export function equalWidthHistogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): BinnedCounts {
  if (!(bins >= 1 && Number.isInteger(bins)) || !(hi > lo)) {
    throw new RangeError(`expected a positive whole number of bins over a range with hi > lo, got ${bins} bins over [${lo}, ${hi}]`);
  }
  const edges = linspace(lo, hi, bins + 1);
  const width = hi - lo;
  const counts = new Array<number>(bins).fill(0);
  let outside = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!(x >= lo && x <= hi)) {
      outside++;
      continue;
    }
    // numpy's fast path for uniform bins: an estimate, then a correction against the real edges.
    let k = Math.trunc(((x - lo) / width) * bins);
    if (k === bins) {
      k -= 1;
    }
    if (x < edges[k]!) {
      k -= 1;
    } else if (x >= edges[k + 1]! && k !== bins - 1) {
      k += 1;
    }
    counts[k]! += 1;
  }
  return { counts, outside };
}

/** `np.linspace(lo, hi, n)`: `lo + i * step`, with the last value exactly `hi`. */
export function linspace(lo: number, hi: number, n: number): Float64Array {
  const step = (hi - lo) / (n - 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // numpy divides first when the step underflows to zero (its gh-5437 branch).
    out[i] = lo + (step === 0 ? (i / (n - 1)) * (hi - lo) : i * step);
  }
  out[n - 1] = hi;
  return out;
}
