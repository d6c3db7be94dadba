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

/**
 * The month of the year counted from 0 (0 = January ... 11 = December), by Howard Hinnant's
 * days-to-civil arithmetic, valid for every proleptic Gregorian date.
 */
export function monthOfYear(ms: number): number {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  return marchMonth < 10 ? marchMonth + 2 : marchMonth - 10;
}

/** The hour of the week, 0-167: Monday 00:00-01:00 is 0. */
export function hourOfWeek(ms: number): number {
  return isoWeekday(ms) * 24 + hourOfDay(ms);
}
