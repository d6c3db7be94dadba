/** Calendar fields by arithmetic, windows and the seasonal slices of the reference. */
import { describe, expect, it } from 'vitest';
import { bucketOf, bucketsOfWindow, sliceLabel, windowStart } from '../../../src-main/engine/common/replay/seasons';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { hourOfDay, hourOfWeek, isoWeekday, monthOfYear } from '../../../src-main/engine/common/time/calendar';

const HOUR = 3_600_000;

describe('calendar fields', () => {
  it('agree with Date on the data clock, before and after 1970', () => {
    const rng = seededRng(4);
    for (let i = 0; i < 5_000; i++) {
      const ms = Math.round((rng.next() - 0.5) * 4e12);
      const date = new Date(ms);
      expect(hourOfDay(ms)).toBe(date.getUTCHours());
      expect(isoWeekday(ms)).toBe((date.getUTCDay() + 6) % 7);
      expect(hourOfWeek(ms)).toBe(isoWeekday(ms) * 24 + date.getUTCHours());
      expect(monthOfYear(ms)).toBe(date.getUTCMonth());
    }
  });
});

describe('seasonal slices', () => {
  const monday6 = Date.UTC(2001, 2, 5, 6);
  it('puts an hourly window in the bucket of its hour of the week, or of the day, or the one bucket', () => {
    expect(bucketsOfWindow('hour-of-week', monday6, HOUR)).toEqual([6]);
    expect(bucketsOfWindow('hour-of-day', monday6 + 24 * HOUR, HOUR)).toEqual([6]);
    expect(bucketsOfWindow('none', monday6, HOUR)).toEqual([0]);
    expect(bucketOf('hour-of-week', Date.UTC(2001, 0, 7, 23, 59))).toBe(167);
  });
  it('gives a longer window every bucket it touches, at most the whole season', () => {
    expect(bucketsOfWindow('hour-of-week', monday6, 3 * HOUR)).toEqual([6, 7, 8]);
    expect(bucketsOfWindow('hour-of-day', Date.UTC(2001, 2, 5, 22), 4 * HOUR)).toEqual([0, 1, 22, 23]);
    expect(bucketsOfWindow('hour-of-week', monday6, 30 * 24 * HOUR)).toHaveLength(168);
  });
  it('starts windows at whole multiples of their length and names slices for people', () => {
    expect(windowStart(monday6 + 59 * 60_000, HOUR)).toBe(monday6);
    expect(windowStart(Date.UTC(2001, 2, 5, 13), 24 * HOUR)).toBe(Date.UTC(2001, 2, 5));
    expect(sliceLabel('hour-of-week', monday6, HOUR)).toBe('Mon 06:00-07:00');
    expect(sliceLabel('hour-of-day', monday6, 2 * HOUR)).toBe('06:00-08:00 daily');
    expect(sliceLabel('none', monday6, HOUR)).toBe('all');
  });
});

describe('seasons of whole days', () => {
  const DAY = 24 * HOUR;
  it('puts a row in its day of the week or its month of the year, on leap days and month ends too', () => {
    expect(bucketOf('day-of-week', Date.UTC(2001, 2, 5, 23, 59))).toBe(0);
    expect(bucketOf('day-of-week', Date.UTC(2001, 2, 11, 12))).toBe(6);
    expect(bucketOf('month-of-year', Date.UTC(2000, 1, 29, 23, 59))).toBe(1);
    expect(bucketOf('month-of-year', Date.UTC(2000, 2, 1))).toBe(2);
    expect(bucketOf('month-of-year', Date.UTC(1969, 11, 31, 23))).toBe(11);
  });
  it('gives a window every day or month it touches, at most the whole season', () => {
    expect(bucketsOfWindow('day-of-week', Date.UTC(2001, 2, 5), 2 * DAY)).toEqual([0, 1]);
    expect(bucketsOfWindow('day-of-week', Date.UTC(2001, 2, 5), 30 * DAY)).toHaveLength(7);
    expect(bucketsOfWindow('month-of-year', Date.UTC(2001, 2, 1), 31 * DAY)).toEqual([2]);
    expect(bucketsOfWindow('month-of-year', Date.UTC(2001, 1, 15), 91 * DAY)).toEqual([1, 2, 3, 4]);
    expect(bucketsOfWindow('month-of-year', Date.UTC(2001, 0, 1), 400 * DAY)).toHaveLength(12);
  });
  it('names the slice by its days or months', () => {
    expect(sliceLabel('day-of-week', Date.UTC(2001, 2, 5), DAY)).toBe('Mon');
    expect(sliceLabel('day-of-week', Date.UTC(2001, 2, 10), 2 * DAY)).toBe('Sat-Sun');
    expect(sliceLabel('month-of-year', Date.UTC(2001, 2, 1), 31 * DAY)).toBe('Mar');
    expect(sliceLabel('month-of-year', Date.UTC(2001, 2, 1), 92 * DAY)).toBe('Mar-May');
    expect(sliceLabel('month-of-year', Date.UTC(2001, 2, 1), 365 * DAY)).toBe('all');
  });
});
