/**
 * The Jensen-Shannon distance between two count vectors over the same categories, as
 * `scipy.spatial.distance.jensenshannon(p, q)` computes it (natural log): each vector
 * normalized, m = (p + q) / 2, sqrt((KL(p||m) + KL(q||m)) / 2). Between 0 and sqrt(ln 2).
 */
import { numpySum } from './numpySum';

/** JS distance; null when either side has no counts. */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number | null {
  const pSum = numpySum(p);
  const qSum = numpySum(q);
  if (!(pSum > 0 && qSum > 0)) {
    return null;
  }
  const left = new Float64Array(p.length);
  const right = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / pSum;
    const qi = q[i]! / qSum;
    const m = (pi + qi) / 2;
    left[i] = relativeEntropy(pi, m);
    right[i] = relativeEntropy(qi, m);
  }
  const js = numpySum(left) + numpySum(right);
  // Rounding can leave a tiny negative where the distributions are equal; the distance is 0 there.
  return Math.sqrt(Math.max(js / 2, 0));
}

/** `scipy.special.rel_entr(x, y)`: x log(x/y), 0 at x = 0. */
function relativeEntropy(x: number, y: number): number {
  if (x === 0) {
    return 0;
  }
  return x * Math.log(x / y);
}
