/**
 * Event times on the data's own clock (naive wall-clock time held as if it were UTC), written and
 * parsed here and nowhere else: the scenario's bounds, a raw record's timestamp field, the log's
 * event times and a shifted timestamp all go through `parseWallClock`.
 */

/** `2001-03-01T06:00:00`, with milliseconds only when there are some; no zone, as in the data. */
export function formatEventTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** The same, or null for a bound a query left open. */
export function formatOptionalEventTime(ms: number | undefined): string | null {
  return ms === undefined ? null : formatEventTime(ms);
}

/** An event time as a client writes it in a raw record: `2001-03-01 06:05:00`, or `2001-03-01` for a date. */
export function formatWallClock(ms: number, time: 'date' | 'timestamp' = 'timestamp'): string {
  const text = formatEventTime(ms).replace('T', ' ');
  return time === 'date' ? text.slice(0, 10) : text;
}

/** Real time as ISO 8601 UTC. */
export function formatWallTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** A wall-clock time as written: its milliseconds on the data's clock, and the layout it came in. */
export interface WallClock {
  readonly ms: number;
  /** `T` or a space between the date and the time; null for a date alone. */
  readonly separator: 'T' | ' ' | null;
  readonly seconds: boolean;
  /** The fraction of a second as written (digits after the point), or null. */
  readonly fraction: string | null;
}

// A trailing Z is accepted (it says what the data's clock already is); other offsets are not.
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?Z?$/;

/**
 * Parses `2001-03-01`, `2001-03-01 06:05`, `2001-03-01T06:05:00.250`: the fields are read as if
 * UTC, never through the machine's zone; a fraction beyond milliseconds is cut, not rounded. Null
 * when the text is not one, or names a day the calendar does not have (2001-02-30).
 */
export function parseWallClock(text: string): WallClock | null {
  const m = WALL_CLOCK.exec(text.trim());
  if (!m) {
    return null;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const fraction = m[8] ?? null;
  const millis = fraction === null ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const ms = Date.UTC(year, month - 1, day, Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0), millis);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return { ms, separator: (m[4] as 'T' | ' ' | undefined) ?? null, seconds: m[7] !== undefined, fraction };
}

/** Milliseconds on the data's clock of an event time such as `2001-03-01` or `2001-03-01T06:00:00`; null when the text is not one. */
export function parseEventTime(text: string): number | null {
  return parseWallClock(text)?.ms ?? null;
}
