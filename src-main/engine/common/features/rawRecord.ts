/**
 * A raw record: one request as production sends it, before any feature is computed, e.g.
 * `{"date": "2001-03-01 06:05:00", "origin": "SFO", "destination": "LAX", "distance": 337}`.
 * Timestamps are wall-clock text without a zone, as in the snapshots.
 */
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

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

/**
 * Reads a wall-clock timestamp field (`2001-03-01 06:05:00` or ISO with `T`) as milliseconds on
 * the data's own clock: the fields are read as if UTC, never through the machine's zone.
 */
export function wallClockField(record: RawRecord, field: string): number {
  const value = record[field];
  // Several features of one record read the same timestamp, and a replay's neighbouring rows
  // often share one: the last text parsed is remembered.
  if (typeof value === 'string' && value === lastWallClock.text) {
    return lastWallClock.ms;
  }
  const match = typeof value === 'string' ? WALL_CLOCK.exec(value) : null;
  if (!match) {
    throw new RecordFieldError(field, 'a timestamp such as 2001-03-01 06:05:00', describeValue(value));
  }
  const [, y, mo, d, h, mi, s, frac] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Math.round(Number(`0.${frac ?? '0'}`) * 1000));
  lastWallClock = { text: match[0], ms };
  return ms;
}

let lastWallClock: { readonly text: string | null; readonly ms: number } = { text: null, ms: 0 };

function describeValue(value: RawValue | undefined): string {
  if (value === undefined) {
    return 'nothing (the field is missing)';
  }
  if (value === null) {
    return 'null';
  }
  return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}
