/** Value types shared by the scenario sections: durations, event times, SQL fragments. */
import { z } from 'zod';
import { parseEventTime } from '../time/eventTime';

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses `500ms`, `30s`, `5m`, `2h`, `1d`, `1w` into milliseconds; null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) {
    return null;
  }
  return Number(match[1]) * (UNIT_MS[match[2]!] ?? Number.NaN);
}

/** A duration written as `30s`, `2h`, ...; becomes milliseconds. */
export const durationMs = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `expected a duration such as 500ms, 30s, 5m, 2h or 1d, got "${text}"` });
    return z.NEVER;
  }
  return ms;
});

const WINDOWS = /^(\d+)\s*windows?$/;

/** A span counted in event-time windows (`1 window`, `6 windows`), or a duration; windows become `{ windows }`, a duration milliseconds. */
export const durationOrWindows = z.string().transform((text, ctx): number | { readonly windows: number } => {
  const windows = WINDOWS.exec(text.trim());
  if (windows) {
    const n = Number(windows[1]);
    if (n >= 1) {
      return { windows: n };
    }
  }
  const ms = parseDuration(text);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `expected a duration such as 30s, 5m or 1h, or a number of windows such as 1 window or 6 windows, got "${text}"` });
    return z.NEVER;
  }
  return ms;
});

/** An event time in the snapshot's clock; becomes milliseconds. YAML may hand over a Date. */
export const eventTime = z.union([z.string(), z.date()]).transform((value, ctx) => {
  if (value instanceof Date) {
    return value.getTime();
  }
  const ms = parseEventTime(value);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `expected an event time such as 2001-03-01 or 2001-03-01T06:00:00, got "${value}"` });
    return z.NEVER;
  }
  return ms;
});

/**
 * A SQL expression over one snapshot row (a label, a derived feature). It runs in the user's own
 * embedded DuckDB over the user's own files; a statement separator would let it run more than
 * an expression, so it is refused.
 */
export const sqlExpression = z
  .string()
  .min(1)
  .refine((text) => !text.includes(';'), { message: 'expected one SQL expression, without ";"' });

/** A column name of a snapshot. */
export const columnName = z.string().min(1).max(256);

/** A probability or share. */
export const unitInterval = z.number().min(0).max(1);
