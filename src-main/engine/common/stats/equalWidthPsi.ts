/**
 * PSI on equal-width bins over the joint range, the seed's `compute_psi`: `bins` edges by
 * `np.linspace(min(both), max(both))`, counts by `np.histogram`. The edges move with every
 * window, which is why the reference is a SortedSample: counting it again is 2 * bins binary
 * searches, not a pass over its rows.
 */
import { linspace } from './histogram';
import { histogramCounts } from './sampleHistogram';
import { psiOfCounts } from './psi';
import type { SortedSample } from './sortedSample';

/** A PSI with the binning it was computed on. */
export interface BinnedPsi {
  readonly psi: number;
  /** Bin edges; open-ended outer bins are marked by -Infinity and Infinity. */
  readonly edges: Float64Array;
  readonly referenceCounts: Float64Array;
  readonly currentCounts: Float64Array;
}

/** The seed's PSI; null when either sample is empty or the joint range is not finite. */
export function equalWidthPsi(reference: SortedSample, current: SortedSample, bins = 10): BinnedPsi | null {
  if (reference.n === 0 || current.n === 0) {
    return null;
  }
  const lo = Math.min(reference.values[0]!, current.values[0]!);
  const hi = Math.max(reference.values[reference.values.length - 1]!, current.values[current.values.length - 1]!);
  if (!Number.isFinite(hi - lo)) {
    // numpy's edges would be NaN here (0 * Infinity); no binning of this range means anything.
    return null;
  }
  const edges = linspace(lo, hi, bins + 1);
  const referenceCounts = histogramCounts(reference, edges);
  const currentCounts = histogramCounts(current, edges);
  return { psi: psiOfCounts(referenceCounts, reference.n, currentCounts, current.n), edges, referenceCounts, currentCounts };
}
