/**
 * Calendar fields of an event time (ms on the data's own clock, read as if UTC) by arithmetic:
 * the same answers as `new Date(ms).getUTCHours()` and `getUTCDay()` without a Date per row,
 * which the replay asks for millions of times (serving features, seasonal slices).
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The hour of the day, 0-23. */
export function hourOfDay(ms: number): number {
  // (x % n + n) % n: non-negative for times before 1970 too, and never -0.
  return ((Math.floor(ms / HOUR_MS) % 24) + 24) % 24;
}

/** The ISO day of the week counted from 0: 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(ms: number): number {
  return (((Math.floor(ms / DAY_MS) + 3) % 7) + 7) % 7;
}

/** The hour of the week, 0-167: Monday 00:00-01:00 is 0. */
export function hourOfWeek(ms: number): number {
  return isoWeekday(ms) * 24 + hourOfDay(ms);
}
