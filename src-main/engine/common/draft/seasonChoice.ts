/**
 * The season a window is compared in, from the time grain, the window and the reference's span:
 * the finest rhythm the reference holds several of each bucket of, and the window is shorter than.
 * Daily rows over years: month-of-year, so a March window meets the reference's Marches.
 */
import type { SeasonKind } from '../../../contract/events';
import type { TimeGrain } from './draftFacts';

const DAY_MS = 86_400_000;

/** The season and why. */
export function chooseSeason(grain: TimeGrain, windowMs: number, referenceMs: number): { readonly season: SeasonKind; readonly reason: string } {
  const days = referenceMs / DAY_MS;
  const span = `the reference spans ${formatDays(days)}`;
  if (grain !== 'day' && windowMs < DAY_MS) {
    if (days >= 14) {
      return {
        season: 'hour-of-week',
        reason: `windows shorter than a day over event times finer than a day, and ${span} (every hour of the week at least twice)`,
      };
    }
    if (days >= 2) {
      return {
        season: 'hour-of-day',
        reason: `windows shorter than a day, and ${span}: too short for every hour of the week twice, long enough for every hour of the day`,
      };
    }
  }
  if (windowMs < 7 * DAY_MS && days >= 28) {
    return { season: 'day-of-week', reason: `windows shorter than a week, and ${span} (every weekday at least four times)` };
  }
  if (windowMs <= 92 * DAY_MS && days >= 365) {
    return {
      season: 'month-of-year',
      reason: `windows of a quarter or less, and ${span} (every month at least once), so a March window meets the reference's Marches`,
    };
  }
  return {
    season: 'none',
    reason: `${span}, too little to hold several of each stretch of a rhythm ${formatDays(windowMs / DAY_MS)} windows could match, so each window meets the whole reference`,
  };
}

function formatDays(days: number): string {
  if (days >= 730) {
    return `${(days / 365.25).toFixed(1)} years`;
  }
  const [count, unit] = days >= 1 ? [Math.round(days), 'day'] : [Math.round(days * 24), 'hour'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
