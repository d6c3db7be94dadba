/**
 * Event-time windows and the seasonal slice of the reference each is compared with.
 * Windows start at whole multiples of their length on the data's clock. The reference is kept in
 * hourly buckets of the season (168 hours of the week, 24 of the day, or one bucket); a window's
 * slice is the union of the buckets its hours fall in, so a 1-hour window on Monday 06:00 meets
 * the reference's Mondays 06:00-07:00, and a 1-day window meets the reference's whole Mondays.
 */
import type { SeasonKind } from '../../../contract/events';
import { hourOfDay, hourOfWeek, isoWeekday } from '../time/calendar';

const HOUR_MS = 3_600_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** How many buckets a season has. */
export function bucketCount(season: SeasonKind): number {
  return season === 'hour-of-week' ? 168 : season === 'hour-of-day' ? 24 : 1;
}

/** The bucket of an event time. */
export function bucketOf(season: SeasonKind, ms: number): number {
  return season === 'hour-of-week' ? hourOfWeek(ms) : season === 'hour-of-day' ? hourOfDay(ms) : 0;
}

/** The start of the window holding `ms`. */
export function windowStart(ms: number, windowMs: number): number {
  return Math.floor(ms / windowMs) * windowMs;
}

/** The buckets a window [from, from + windowMs) touches, ascending, each once. */
export function bucketsOfWindow(season: SeasonKind, from: number, windowMs: number): number[] {
  const count = bucketCount(season);
  const buckets = new Set<number>();
  // Every hour the window touches, at most a whole season's worth.
  for (let t = Math.floor(from / HOUR_MS) * HOUR_MS; t < from + windowMs && buckets.size < count; t += HOUR_MS) {
    buckets.add(bucketOf(season, t));
  }
  return [...buckets].sort((a, b) => a - b);
}

/** How a slice reads for people: `Mon 06:00-07:00`, `06:00-08:00 daily`, `all`. */
export function sliceLabel(season: SeasonKind, from: number, windowMs: number): string {
  if (season === 'none' || bucketsOfWindow(season, from, windowMs).length === bucketCount(season)) {
    return 'all';
  }
  const end = from + windowMs;
  const clock = (ms: number): string => `${String(hourOfDay(ms)).padStart(2, '0')}:${String(Math.floor((ms % HOUR_MS) / 60_000)).padStart(2, '0')}`;
  const span = `${clock(from)}-${windowMs % 86_400_000 === 0 && from % 86_400_000 === 0 ? '24:00' : clock(end)}`;
  return season === 'hour-of-week' ? `${WEEKDAYS[isoWeekday(from)]} ${span}` : `${span} daily`;
}
