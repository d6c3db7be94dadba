/**
 * Counts per category of a categorical column, and two of them aligned over the union of their
 * categories: the shape the categorical statistics (chi-squared, Jensen-Shannon, PSI over
 * categories, unseen share) read.
 */

/** How many times each category occurs (nulls are not a category; they are counted apart). */
export interface CategoryCounts {
  readonly counts: ReadonlyMap<string, number>;
  /** Sum of the counts. */
  readonly n: number;
}

/** Counts of the non-null values. */
export function categoryCounts(values: Iterable<string | null>): CategoryCounts {
  const counts = new Map<string, number>();
  let n = 0;
  for (const value of values) {
    if (value !== null) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
      n++;
    }
  }
  return { counts, n };
}

/** Counts from category/count pairs (e.g. a GROUP BY); zero counts are dropped. */
export function countsFromPairs(pairs: Iterable<readonly [string, number]>): CategoryCounts {
  const counts = new Map<string, number>();
  let n = 0;
  for (const [category, count] of pairs) {
    if (count > 0) {
      counts.set(category, (counts.get(category) ?? 0) + count);
      n += count;
    }
  }
  return { counts, n };
}

/** Two count vectors over the union of categories, in code-point order. */
export interface AlignedCounts {
  readonly categories: readonly string[];
  readonly reference: Float64Array;
  readonly current: Float64Array;
}

/** Aligns two countings over the categories either has. */
export function alignCategories(reference: CategoryCounts, current: CategoryCounts): AlignedCounts {
  const categories = [...new Set([...reference.counts.keys(), ...current.counts.keys()])].sort(byCodePoint);
  return {
    categories,
    reference: Float64Array.from(categories, (c) => reference.counts.get(c) ?? 0),
    current: Float64Array.from(categories, (c) => current.counts.get(c) ?? 0),
  };
}

/** Orders text by code points, as Python's sorted() does (not by UTF-16 units). */
export function byCodePoint(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  // Python's sorted() order (code points), not UTF-16 units, so fixtures list categories alike.
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!.codePointAt(0)!;
    const y = cb[i]!.codePointAt(0)!;
    if (x !== y) {
      return x - y;
    }
  }
  return ca.length - cb.length;
}
