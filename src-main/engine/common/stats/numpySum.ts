/**
 * Summation as numpy's `np.sum` does it for float64 (pairwise, in blocks of 128 with eight
 * accumulators), so that a sum of a few terms (PSI's bins, chi-squared's cells) matches numpy's
 * to the last bit, not only to rounding.
 */

const BLOCK = 128;

/** `np.sum(values[start:start + count])` for float64 values. */
export function numpySum(values: ArrayLike<number>, start = 0, count = values.length - start): number {
  if (count < 8) {
    let sum = 0;
    for (let i = 0; i < count; i++) {
      sum += values[start + i]!;
    }
    return sum;
  }
  if (count <= BLOCK) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => values[start + j]!);
    let i = 8;
    for (; i < count - (count % 8); i += 8) {
      for (let j = 0; j < 8; j++) {
        r[j]! += values[start + i + j]!;
      }
    }
    const low = r[0]! + r[1]! + (r[2]! + r[3]!);
    const high = r[4]! + r[5]! + (r[6]! + r[7]!);
    let sum = low + high;
    for (; i < count; i++) {
      sum += values[start + i]!;
    }
    return sum;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return numpySum(values, start, half) + numpySum(values, start + half, count - half);
}
