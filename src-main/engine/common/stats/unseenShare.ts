/** The share of current values whose category never occurs in the reference (a new airport). */
import type { CategoryCounts } from './categoryCounts';

/** Unseen share of `current` against `reference`; null when current has no values. */
export function unseenShare(reference: CategoryCounts, current: CategoryCounts): number | null {
  if (current.n === 0) {
    return null;
  }
  let unseen = 0;
  for (const [category, count] of current.counts) {
    if (!reference.counts.has(category)) {
      unseen += count;
    }
  }
  return unseen / current.n;
}
