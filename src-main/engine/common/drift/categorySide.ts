/** One side (reference or current) of a categorical feature: its category counts and nulls. */
import type { TextColumn } from '../ports/snapshot';
import { categoryCounts, type CategoryCounts } from '../stats/categoryCounts';

/** A categorical feature's values on one side, ready to compare. */
export interface CategorySide {
  readonly counts: CategoryCounts;
  /** Every row, nulls included. */
  readonly rows: number;
  readonly nulls: number;
}

/** The side of a chunk's text column. */
export function textColumnSide(column: TextColumn): CategorySide {
  const counts = categoryCounts(column.values);
  return { counts, rows: column.values.length, nulls: column.values.length - counts.n };
}
