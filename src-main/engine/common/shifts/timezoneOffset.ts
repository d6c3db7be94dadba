/**
 * timezone-offset: a timestamp arrives in another zone (the seed's UTC-vs-local bug). Text
 * wall-clock timestamps (`2001-03-01 06:05:00`, as snapshots and raw records carry them) are
 * moved by the offset and written back in the same layout; a numeric column is taken as epoch
 * milliseconds. Event time itself is never moved: it is when the event happened, the replay's
 * clock; the bug is in what the feature pipeline reads. Text that is not a timestamp is left as
 * it is. While ramping, each row has moved with probability equal to the intensity.
 */
import { parseWallClock } from '../time/eventTime';
import { mapTargetColumns } from './chunkEdits';
import { drawRows } from './rowDraws';
import type { ApplyShift } from './shiftOperator';

/** A wall-clock timestamp moved by `offsetMs`, in the layout it came in; null when it is not one. */
export function shiftWallClock(text: string, offsetMs: number): string | null {
  const parsed = parseWallClock(text);
  if (parsed === null || parsed.separator === null) {
    return null;
  }
  const { separator: sep, seconds, fraction: frac } = parsed;
  const ms = parsed.ms + offsetMs;
  const iso = new Date(ms).toISOString(); // 2001-03-01T06:05:00.000Z
  let out = `${iso.slice(0, 10)}${sep}${iso.slice(11, 16)}`;
  if (seconds) {
    out += `:${iso.slice(17, 19)}`;
  }
  if (frac !== null) {
    // Milliseconds from the moved time; digits beyond them kept (the offset is whole milliseconds);
    // trailing zeros trimmed back to the length the value came with.
    let digits = iso.slice(20, 23) + frac.slice(3);
    while (digits.length > frac.length && digits.endsWith('0')) {
      digits = digits.slice(0, -1);
    }
    out += `.${digits}`;
  }
  return out;
}

/** Moves the targets' timestamps on the rows drawn. */
export const applyTimezoneOffset: ApplyShift<'timezone-offset'> = (chunk, shift, rng) => {
  const offsetMs = Math.round(shift.hours * 3_600_000);
  const moved = drawRows(chunk, shift, rng, (w) => w);
  return mapTargetColumns(chunk, shift.target, (column) => {
    if (column.kind === 'text') {
      return { kind: 'text', values: column.values.map((v, i) => (moved[i] && v !== null ? (shiftWallClock(v, offsetMs) ?? v) : v)) };
    }
    const values = Float64Array.from(column.values);
    moved.forEach((m, i) => {
      if (m && column.valid[i]) {
        values[i] = values[i]! + offsetMs;
      }
    });
    return { kind: 'number', values, valid: column.valid };
  });
};
