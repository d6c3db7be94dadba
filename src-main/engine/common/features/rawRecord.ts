/**
 * A raw record: one request as production sends it, before any feature is computed, e.g.
 * `{"date": "2001-03-01 06:05:00", "origin": "SFO", "destination": "LAX", "distance": 337}`.
 * Timestamps are wall-clock text without a zone, as in the snapshots.
 */
import type { ChunkColumn, ColumnChunk } from '../ports/snapshot';
import { formatWallClock, parseEventTime } from '../time/eventTime';

export type RawValue = string | number | boolean | null;

export type RawRecord = Readonly<Record<string, RawValue>>;

/** A raw record field that is absent or of the wrong type: named, with what was expected. */
export class RecordFieldError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`field "${field}": expected ${expected}, found ${found}`);
    this.name = 'RecordFieldError';
  }
}

/**
 * True for a RecordFieldError, including one thrown by a feature module bundled with its own copy
 * of this class (a model folder's `serving/` code is built on its own, so `instanceof` misses it).
 */
export function isRecordFieldError(error: unknown): error is RecordFieldError {
  return (
    error instanceof RecordFieldError ||
    (error instanceof Error && error.name === 'RecordFieldError' && typeof (error as { field?: unknown }).field === 'string')
  );
}

/** Reads a numeric field; a numeric string is accepted, as JSON producers often send one. */
export function numberField(record: RawRecord, field: string): number {
  const value = record[field];
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  throw new RecordFieldError(field, 'a number', describeValue(value));
}

/** Reads a text field. */
export function textField(record: RawRecord, field: string): string {
  const value = record[field];
  if (typeof value === 'string') {
    return value;
  }
  throw new RecordFieldError(field, 'text', describeValue(value));
}

/**
 * Reads a wall-clock timestamp field (`2001-03-01 06:05:00` or ISO with `T`) as milliseconds on
 * the data's own clock (`parseWallClock`: the fields as if UTC, never through the machine's zone).
 * A number is taken as those milliseconds already.
 */
export function wallClockField(record: RawRecord, field: string): number {
  const value = record[field];
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  // Several features of one record read the same timestamp, and a replay's neighbouring rows
  // often share one: the last text parsed is remembered.
  if (typeof value === 'string' && value === lastWallClock.text) {
    return lastWallClock.ms;
  }
  const ms = typeof value === 'string' ? parseEventTime(value) : null;
  if (ms === null) {
    throw new RecordFieldError(field, 'a timestamp such as 2001-03-01 06:05:00', describeValue(value));
  }
  lastWallClock = { text: value as string, ms };
  return ms;
}

let lastWallClock: { readonly text: string | null; readonly ms: number } = { text: null, ms: 0 };

/**
 * Row `i` of a chunk as the raw record production would have sent: numbers as numbers, text as
 * text, every date or timestamp column as the wall-clock text a client writes (`2001-03-01
 * 06:05:00`; the reader hands them over as epoch ms), null as null. `fields` keeps only those
 * columns; a field the chunk does not carry is left out, for the serving code to name. The one
 * rule for the load's bodies, the rollout's requests, the parity sample and served replay rows.
 */
export function rawRecordOf(chunk: ColumnChunk, i: number, fields?: readonly string[]): RawRecord {
  const record: Record<string, RawValue> = {};
  for (const name of fields ?? Object.keys(chunk.columns)) {
    const column = chunk.columns[name];
    if (column !== undefined) {
      record[name] = rawValueOf(column, i);
    }
  }
  return record;
}

/** Every row of the chunk as its raw record (see `rawRecordOf`). */
export function rawRecordsOf(chunk: ColumnChunk, fields?: readonly string[]): RawRecord[] {
  const present = (fields ?? Object.keys(chunk.columns)).filter((field) => chunk.columns[field] !== undefined);
  // Rows in event-time order share timestamps: each column's last text is kept (a replay formats millions).
  const readers = present.map((field) => valueReader(chunk.columns[field]!));
  const records = new Array<RawRecord>(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) {
    const record: Record<string, RawValue> = {};
    for (let k = 0; k < present.length; k++) {
      record[present[k]!] = readers[k]!(i);
    }
    records[i] = record;
  }
  return records;
}

/** Row i's raw value of a column; a date or timestamp column remembers the text of its last value. */
function valueReader(column: ChunkColumn): (i: number) => RawValue {
  if (column.kind === 'text' || column.time === undefined) {
    return (i) => rawValueOf(column, i);
  }
  const { values, valid, time } = column;
  let lastMs = Number.NaN;
  let lastText = '';
  return (i) => {
    if (valid[i] !== 1) {
      return null;
    }
    const ms = values[i]!;
    if (ms !== lastMs) {
      lastMs = ms;
      lastText = formatWallClock(ms, time);
    }
    return lastText;
  };
}

function rawValueOf(column: ChunkColumn, i: number): RawValue {
  if (column.kind === 'text') {
    return column.values[i] ?? null;
  }
  if (column.valid[i] !== 1) {
    return null;
  }
  return column.time === undefined ? column.values[i]! : formatWallClock(column.values[i]!, column.time);
}

function describeValue(value: RawValue | undefined): string {
  if (value === undefined) {
    return 'nothing (the field is missing)';
  }
  if (value === null) {
    return 'null';
  }
  return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}
