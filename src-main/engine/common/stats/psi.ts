/**
 * Population Stability Index from bin counts, as the seed's `compute_psi` computes it: each
 * side's counts divided by its size, clipped below at 1e-4 ("avoid division by zero"), then
 * sum((actual - expected) * log(actual / expected)) summed the way `np.sum` sums.
 */
import { numpySum } from './numpySum';

/** The seed's clipping floor for proportions. */
const PSI_FLOOR = 1e-4;

/** PSI of two binnings of the same edges (or categories); `expected` is the reference. */
export function psiOfCounts(expected: ArrayLike<number>, expectedTotal: number, actual: ArrayLike<number>, actualTotal: number, floor = PSI_FLOOR): number {
  const terms = new Float64Array(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i]! / expectedTotal, floor);
    const a = Math.max(actual[i]! / actualTotal, floor);
    terms[i] = (a - e) * Math.log(a / e);
  }
  return numpySum(terms);
}
