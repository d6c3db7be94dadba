/**
 * PSI on quantile bins of the reference: interior edges at the reference's i/bins quantiles
 * (`np.quantile`, linear), repeated edges merged (ties in discrete data), and open-ended outer
 * bins so current values beyond the reference's range are counted, not dropped. Equivalent to
 * `np.histogram(x, [-inf, *np.unique(q), inf])`.
 */
import type { BinnedPsi } from './equalWidthPsi';
import { histogramCounts } from './sampleHistogram';
import { psiOfCounts } from './psi';
import { sampleQuantile, type SortedSample } from './sortedSample';

/** The edges: -Infinity, the distinct interior quantiles of the reference, Infinity. */
export function quantileEdges(reference: SortedSample, bins: number): Float64Array {
  const edges = [Number.NEGATIVE_INFINITY];
  for (let i = 1; i < bins; i++) {
    const q = sampleQuantile(reference, i / bins)!;
    if (q > edges[edges.length - 1]!) {
      edges.push(q);
    }
  }
  edges.push(Number.POSITIVE_INFINITY);
  return Float64Array.from(edges);
}

/** PSI over the reference's quantile bins; null when either sample is empty. */
export function quantilePsi(reference: SortedSample, current: SortedSample, bins = 10): BinnedPsi | null {
  if (reference.n === 0 || current.n === 0) {
    return null;
  }
  const edges = quantileEdges(reference, bins);
  const referenceCounts = histogramCounts(reference, edges);
  const currentCounts = histogramCounts(current, edges);
  return { psi: psiOfCounts(referenceCounts, reference.n, currentCounts, current.n), edges, referenceCounts, currentCounts };
}
