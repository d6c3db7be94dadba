/**
 * The L-infinity distance between two samples of a categorical value: the largest difference
 * between the share of any one category in each, as TFDV's skew and drift comparators compute it
 * for categorical features. 0 when the two have the same frequencies, 1 when they share no category.
 */

/** max over categories |share in a - share in b|; null values (NaN) are not a category. Null when a side is empty. */
export function lInfinityDistance(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const left = frequencies(a);
  const right = frequencies(b);
  if (left.n === 0 || right.n === 0) {
    return null;
  }
  let largest = 0;
  for (const category of new Set([...left.counts.keys(), ...right.counts.keys()])) {
    largest = Math.max(largest, Math.abs((left.counts.get(category) ?? 0) / left.n - (right.counts.get(category) ?? 0) / right.n));
  }
  return largest;
}

function frequencies(values: ArrayLike<number>): { counts: Map<number, number>; n: number } {
  const counts = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isNaN(value)) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
      n++;
    }
  }
  return { counts, n };
}
