/** Wording of values for the screen only (no decisions: every status and number comes from the engine). */
import type { RunSpeed } from '../src-main/contract/events';

/** `2001-03-01T06:00:00` as `2001-03-01 06:00` (to the minute: a screen, not a log). */
export function shortTime(eventTime: string | null): string {
  return eventTime === null ? '—' : eventTime.replace('T', ' ').slice(0, 16);
}

/** `1000x`, or `max`. */
export function speedLabel(speed: RunSpeed): string {
  return speed === 'max' ? 'max' : `${speed}x`;
}

/** A count with thousands separators. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}
