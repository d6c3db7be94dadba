/**
 * Event-time windows and the seasonal slice of the reference each is compared with.
 * Windows start at whole multiples of their length on the data's clock. The reference is kept in
 * buckets of the season (168 hours of the week, 24 of the day, 7 days of the week, 12 months of
 * the year, or one bucket); a window's slice is the union of the buckets its hours fall in, so a
 * 1-hour window on Monday 06:00 meets the reference's Mondays 06:00-07:00, a 1-day window meets
 * the reference's whole Mondays, and under month-of-year a March window meets the reference's
 * Marches (daily rows over years have a yearly rhythm and no hourly one).
 */
import type { SeasonKind } from '../../../contract/events';
import { hourOfDay, hourOfWeek, isoWeekday, monthOfYear } from '../time/calendar';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const BUCKETS: Record<SeasonKind, number> = { 'hour-of-week': 168, 'hour-of-day': 24, 'day-of-week': 7, 'month-of-year': 12, none: 1 };

/** How many buckets a season has. */
export function bucketCount(season: SeasonKind): number {
  return BUCKETS[season];
}

/** The bucket of an event time. */
export function bucketOf(season: SeasonKind, ms: number): number {
  switch (season) {
    case 'hour-of-week':
      return hourOfWeek(ms);
    case 'hour-of-day':
      return hourOfDay(ms);
    case 'day-of-week':
      return isoWeekday(ms);
    case 'month-of-year':
      return monthOfYear(ms);
    case 'none':
      return 0;
  }
}

/** The start of the window holding `ms`. */
export function windowStart(ms: number, windowMs: number): number {
  return Math.floor(ms / windowMs) * windowMs;
}

/** The buckets a window [from, from + windowMs) touches, ascending, each once. */
export function bucketsOfWindow(season: SeasonKind, from: number, windowMs: number): number[] {
  const count = bucketCount(season);
  const buckets = new Set<number>();
  // Every hour (or, for a season of whole days, every day) the window touches, at most a whole season's worth.
  const step = season === 'day-of-week' || season === 'month-of-year' ? DAY_MS : HOUR_MS;
  for (let t = Math.floor(from / step) * step; t < from + windowMs && buckets.size < count; t += step) {
    buckets.add(bucketOf(season, t));
  }
  return [...buckets].sort((a, b) => a - b);
}

/** How a slice reads for people: `Mon 06:00-07:00`, `06:00-08:00 daily`, `Mon-Tue`, `Mar-May`, `all`. */
export function sliceLabel(season: SeasonKind, from: number, windowMs: number): string {
  const buckets = bucketsOfWindow(season, from, windowMs);
  if (season === 'none' || buckets.length === bucketCount(season)) {
    return 'all';
  }
  if (season === 'day-of-week' || season === 'month-of-year') {
    const names = season === 'day-of-week' ? WEEKDAYS : MONTHS;
    const first = bucketOf(season, from);
    const last = bucketOf(season, from + windowMs - 1);
    return first === last ? names[first]! : `${names[first]}-${names[last]}`;
  }
  const end = from + windowMs;
  const clock = (ms: number): string => `${String(hourOfDay(ms)).padStart(2, '0')}:${String(Math.floor((ms % HOUR_MS) / 60_000)).padStart(2, '0')}`;
  const span = `${clock(from)}-${windowMs % 86_400_000 === 0 && from % 86_400_000 === 0 ? '24:00' : clock(end)}`;
  return season === 'hour-of-week' ? `${WEEKDAYS[isoWeekday(from)]} ${span}` : `${span} daily`;
}
