/**
 * A numeric column reduced to what drift needs: its finite values sorted once (run-length) and
 * counts of what was left out. Built from a chunk's typed arrays here, or from a reader that
 * sorts (DuckDB) in engine/node.
 */
import type { LeftOutCounts } from '../../../contract/drift';
import type { NumericColumn } from '../ports/snapshot';
import { leftOutOf } from '../stats/dataQuality';
import { sortedSample, type SortedSample } from '../stats/sortedSample';

/** A numeric feature's values on one side, ready to compare. */
export interface NumericSide {
  readonly sample: SortedSample;
  /** Every row, including those left out. */
  readonly rows: number;
  readonly leftOut: LeftOutCounts;
}

/** The side of values (NaN where `valid` is 0 or null) such as a ColumnChunk's. */
export function numericSide(values: ArrayLike<number>, valid: ArrayLike<number> | null = null): NumericSide {
  let usable: ArrayLike<number> = values;
  if (valid !== null) {
    const kept = new Float64Array(values.length);
    let k = 0;
    for (let i = 0; i < values.length; i++) {
      if (valid[i] !== 0) {
        kept[k++] = values[i]!;
      }
    }
    usable = kept.subarray(0, k);
  }
  return { sample: sortedSample(usable), rows: values.length, leftOut: leftOutOf(values, valid) };
}

/** The side of a chunk's numeric column. */
export function numericColumnSide(column: NumericColumn): NumericSide {
  return numericSide(column.values, column.valid);
}
