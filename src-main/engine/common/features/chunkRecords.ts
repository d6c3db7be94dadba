/**
 * Raw records built from snapshot rows: what a client would have sent for each row, the input of
 * the serving pipeline when a replay (or the parity check) runs it on snapshot rows.
 */
import type { ColumnChunk } from '../ports/snapshot';
import { formatEventTime } from '../time/eventTime';
import type { RawRecord, RawValue } from './rawRecord';

/**
 * One record per row of the chunk with `fields` as the snapshot holds them: numbers as numbers,
 * text as text, dates and timestamps as the text a client sends (`2001-03-01 06:05:00`, the
 * reader hands them over as epoch ms), null as null.
 * A field the chunk does not carry is absent from the records, for the serving code to name.
 */
export function rawRecordsOf(chunk: ColumnChunk, fields: readonly string[]): RawRecord[] {
  const present = fields.filter((field) => chunk.columns[field] !== undefined);
  const records: RawRecord[] = new Array<RawRecord>(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) {
    const record: Record<string, RawValue> = {};
    for (const field of present) {
      const column = chunk.columns[field]!;
      if (column.kind === 'text') {
        record[field] = column.values[i]!;
      } else if (column.valid[i] !== 1) {
        record[field] = null;
      } else {
        record[field] = column.time === undefined ? column.values[i]! : wallClockText(column.values[i]!, column.time);
      }
    }
    records[i] = record;
  }
  return records;
}

function wallClockText(ms: number, time: 'date' | 'timestamp'): string {
  const text = formatEventTime(ms).replace('T', ' ');
  return time === 'date' ? text.slice(0, 10) : text;
}
