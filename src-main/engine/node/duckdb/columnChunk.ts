/**
 * DuckDB result chunks to the engine's ColumnChunk. The query's first columns are `__t` (event
 * time in ms), `__label`, `__file` and `__line`; rows without an event time come first (the query
 * sorts NULLS FIRST) and are counted here as rejects instead of being dropped silently.
 */
import { DuckDBTypeId, type DuckDBDataChunk } from '@duckdb/node-api';
import type { ChunkColumn, ColumnChunk } from '../../common/ports/snapshot';

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.BOOLEAN, DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);

/** Columns before the requested ones. */
export const LEADING_COLUMNS = 4;

/** A row that had no event time: where it was, when the format knows. */
export interface UntimedRow {
  readonly file: string | null;
  readonly line: number | null;
}

/** Converts one chunk; rows whose event time is null are left out and returned in `untimed`. */
export function toColumnChunk(chunk: DuckDBDataChunk, names: readonly string[], labelled: boolean): { chunk: ColumnChunk; untimed: UntimedRow[] } {
  const total = chunk.rowCount;
  const timeVector = chunk.getColumnVector(0);
  const untimed: UntimedRow[] = [];
  let first = 0;
  while (first < total && timeVector.getItem(first) === null) {
    const file = chunk.getColumnVector(2).getItem(first);
    const line = chunk.getColumnVector(3).getItem(first);
    untimed.push({ file: file === null ? null : String(file), line: line === null ? null : Number(line) });
    first++;
  }
  const n = total - first;
  const eventTime = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    eventTime[i] = timeVector.getItem(first + i) as number;
  }
  let label: Float64Array | null = null;
  if (labelled) {
    label = new Float64Array(n);
    const labelVector = chunk.getColumnVector(1);
    for (let i = 0; i < n; i++) {
      const value = labelVector.getItem(first + i) as number | boolean | null;
      label[i] = value === null ? Number.NaN : Number(value);
    }
  }
  const columns: Record<string, ChunkColumn> = {};
  names.forEach((name, k) => {
    const vector = chunk.getColumnVector(k + LEADING_COLUMNS);
    if (NUMERIC.has(vector.type.typeId)) {
      const values = new Float64Array(n);
      const valid = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const value = vector.getItem(first + i);
        if (value !== null) {
          values[i] = Number(typeof value === 'object' ? String(value) : value);
          valid[i] = 1;
        } else {
          values[i] = Number.NaN;
        }
      }
      columns[name] = { kind: 'number', values, valid };
    } else {
      const values: (string | null)[] = new Array<string | null>(n);
      for (let i = 0; i < n; i++) {
        const value = vector.getItem(first + i);
        values[i] = value === null ? null : String(value);
      }
      columns[name] = { kind: 'text', values };
    }
  });
  return { chunk: { rowCount: n, eventTime, label, columns }, untimed };
}
