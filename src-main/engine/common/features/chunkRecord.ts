/**
 * One row of a chunk as the raw record production would send: `{"date": "2001-03-01 06:05:00",
 * "distance": 337, ...}`. The event time goes out as wall-clock text without a zone, as in the
 * data; nulls stay null. Shared by the load generator's snapshot payloads and the rollout's
 * requests, so both send the same records.
 */
import type { ColumnChunk } from '../ports/snapshot';
import { formatEventTime } from '../time/eventTime';
import type { RawRecord, RawValue } from './rawRecord';

/** Row `i` of the chunk; `fields` keeps only those columns (the ones the chunk has). */
export function chunkRecord(chunk: ColumnChunk, i: number, timestamp: string | undefined, fields?: readonly string[]): RawRecord {
  const record: Record<string, RawValue> = {};
  for (const name of fields ?? Object.keys(chunk.columns)) {
    const column = chunk.columns[name];
    if (name === timestamp && Number.isFinite(chunk.eventTime[i])) {
      record[name] = formatEventTime(chunk.eventTime[i]!).replace('T', ' ');
    } else if (column === undefined) {
      continue;
    } else if (column.kind === 'number') {
      record[name] = column.valid[i] ? column.values[i]! : null;
    } else {
      record[name] = column.values[i] ?? null;
    }
  }
  return record;
}
