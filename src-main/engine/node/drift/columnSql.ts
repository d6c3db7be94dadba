/**
 * The SQL that turns a stored column into what a drift kind reads: a DOUBLE for numeric
 * features, a text key for categorical ones, whatever the column's type on that side. Values
 * that are not numbers where numbers are wanted become NULL here and are counted apart.
 */
import type { TypeClass } from '../../common/drift/columnKind';
import { sqlIdentifier } from '../duckdb/database';
import { isTimeOfDay } from '../../common/snapshot/columnTypes';

/** The DOUBLE a numeric feature reads from a column of this type. */
export function numericValueSql(column: string, type: string, typeClass: TypeClass): string {
  const c = sqlIdentifier(column);
  switch (typeClass) {
    case 'number':
      return `CAST(${c} AS DOUBLE)`;
    case 'boolean':
      return `CAST(CAST(${c} AS INTEGER) AS DOUBLE)`;
    case 'temporal':
      // Epoch milliseconds on the data's own clock (DuckDB's TimeZone is pinned to UTC).
      return isTimeOfDay(type) ? `CAST(epoch_ms(TIMESTAMP '1970-01-01' + CAST(${c} AS TIME)) AS DOUBLE)` : `CAST(epoch_ms(CAST(${c} AS TIMESTAMP)) AS DOUBLE)`;
    default:
      return `TRY_CAST(CAST(${c} AS VARCHAR) AS DOUBLE)`;
  }
}

/**
 * The text key a categorical feature reads. Numbers are keyed by their DOUBLE form, so 3 (an
 * INTEGER in one file) and 3.0 (a DOUBLE in the other) are one category; text that parses as a
 * number gets the same form when the other side stores numbers.
 */
export function categoryKeySql(column: string, typeClass: TypeClass, otherSideIsNumber: boolean): string {
  const c = sqlIdentifier(column);
  if (typeClass === 'number') {
    return `CAST(CAST(${c} AS DOUBLE) AS VARCHAR)`;
  }
  if (otherSideIsNumber) {
    return `COALESCE(CAST(TRY_CAST(CAST(${c} AS VARCHAR) AS DOUBLE) AS VARCHAR), CAST(${c} AS VARCHAR))`;
  }
  return `CAST(${c} AS VARCHAR)`;
}
