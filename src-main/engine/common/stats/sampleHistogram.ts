/**
 * Bin edges and counts exactly as numpy makes them (issue 4): `np.linspace` edges are
 * `lo + i * step` with the last edge exactly `hi`, and `np.histogram` with explicit edges counts
 * by searchsorted: bins half-open [e_i, e_i+1), the last one closed. A plain
 * `floor((x - lo) / width)` puts values near the edges in different bins.
 */
import { countAtMost, countBelow, type SortedSample } from './sortedSample';

/** `np.linspace(lo, hi, bins + 1)`. */
export function linspaceEdges(lo: number, hi: number, bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  const delta = hi - lo;
  const step = delta / bins;
  for (let i = 0; i <= bins; i++) {
    // numpy divides first when the step underflows to zero (its gh-5437 branch).
    edges[i] = (step === 0 ? (i / bins) * delta : i * step) + lo;
  }
  edges[bins] = hi;
  return edges;
}

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
