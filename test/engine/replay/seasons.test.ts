/** Calendar fields by arithmetic, windows and the seasonal slices of the reference. */
import { describe, expect, it } from 'vitest';
import { bucketOf, bucketsOfWindow, sliceLabel, windowStart } from '../../../src-main/engine/common/replay/seasons';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { hourOfDay, hourOfWeek, isoWeekday } from '../../../src-main/engine/common/time/calendar';

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
