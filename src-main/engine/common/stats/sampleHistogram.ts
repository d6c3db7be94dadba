/**
 * Counts of a sorted sample on given edges exactly as `np.histogram(a, edges)` counts: by
 * searchsorted, bins half-open [e_i, e_i+1), the last one closed. On a SortedSample
 * that is 2 binary searches per edge, whatever the sample's size.
 */
import { countAtMost, countBelow, type SortedSample } from './sortedSample';

/**
 * `np.histogram(sample, edges)[0]` on a sorted sample: values outside [edges[0], edges[last]]
 * are not counted, as numpy does not count them.
 */
export function histogramCounts(sample: SortedSample, edges: ArrayLike<number>): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  let previous = countBelow(sample, edges[0]!);
  for (let i = 0; i < bins; i++) {
    const next = i === bins - 1 ? countAtMost(sample, edges[bins]!) : countBelow(sample, edges[i + 1]!);
    counts[i] = next - previous;
    previous = next;
  }
  return counts;
}
