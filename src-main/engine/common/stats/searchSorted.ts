/** Binary search in ascending values, as numpy's `searchsorted(side='left')`. */

/** The first index in [from, length) whose value is >= x (length when none is): how many values before it are < x. */
export function searchSortedLeft(sorted: ArrayLike<number>, x: number, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
