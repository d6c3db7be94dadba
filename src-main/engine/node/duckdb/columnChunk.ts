/**
 * DuckDB result chunks to the engine's ColumnChunk. The query's first columns are `__t` (event
 * time in ms), `__label`, `__file` and `__line`; rows without an event time come first (the query
 * sorts NULLS FIRST) and are counted here as rejects instead of being dropped silently. Columns
 * are read in bulk (vectorColumns.ts); dates and timestamps arrive as epoch milliseconds.
 */
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { ChunkColumn, ColumnChunk } from '../../common/ports/snapshot';
import { leadingNulls, readColumn, StringInterner } from './vectorColumns';

/** Columns before the requested ones. */
export const LEADING_COLUMNS = 4;

/** A row that had no event time: where it was, when the format knows. */
export interface UntimedRow {
  readonly file: string | null;
  readonly line: number | null;
}

/** Converts one chunk; rows whose event time is null are left out and returned in `untimed`. */
export function toColumnChunk(
  chunk: DuckDBDataChunk,
  names: readonly string[],
  labelled: boolean,
  interner = new StringInterner(),
): { chunk: ColumnChunk; untimed: UntimedRow[] } {
  const first = leadingNulls(chunk, 0);
  const untimed: UntimedRow[] = [];
  for (let i = 0; i < first; i++) {
    const file = chunk.getColumnVector(2).getItem(i);
    const line = chunk.getColumnVector(3).getItem(i);
    untimed.push({ file: file === null ? null : String(file), line: line === null ? null : Number(line) });
  }
  const time = readColumn(chunk, 0, first, interner);
  const eventTime = time.kind === 'number' ? time.values : new Float64Array(chunk.rowCount - first).fill(Number.NaN);
  let label: Float64Array | null = null;
  if (labelled) {
    const column = readColumn(chunk, 1, first, interner);
    // A null label is NaN: not known (yet).
    label = column.kind === 'number' ? column.values : new Float64Array(chunk.rowCount - first).fill(Number.NaN);
  }
  const columns: Record<string, ChunkColumn> = {};
  names.forEach((name, k) => {
    columns[name] = readColumn(chunk, k + LEADING_COLUMNS, first, interner);
  });
  return { chunk: { rowCount: chunk.rowCount - first, eventTime, label, columns }, untimed };
}
