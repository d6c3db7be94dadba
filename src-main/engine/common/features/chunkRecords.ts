/**
 * Raw records built from snapshot rows: what a client would have sent for each row, the input of
 * the serving pipeline when a replay (or the parity check) runs it on snapshot rows.
 */
import type { ColumnChunk } from '../ports/snapshot';
import type { RawRecord, RawValue } from './rawRecord';

/**
 * One record per row of the chunk with `fields` as the snapshot holds them: numbers as numbers,
 * text (and timestamps, which the reader hands over as `2001-03-01 06:05:00`) as text, null as null.
 * A field the chunk does not carry is absent from the records, for the serving code to name.
 */
export function rawRecordsOf(chunk: ColumnChunk, fields: readonly string[]): RawRecord[] {
  const present = fields.filter((field) => chunk.columns[field] !== undefined);
  const records: RawRecord[] = new Array<RawRecord>(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) {
    const record: Record<string, RawValue> = {};
    for (const field of present) {
      const column = chunk.columns[field]!;
      record[field] = column.kind === 'number' ? (column.valid[i] === 1 ? column.values[i]! : null) : column.values[i]!;
    }
    records[i] = record;
  }
  return records;
}
