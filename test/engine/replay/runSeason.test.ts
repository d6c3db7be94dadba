/** The run's season: the scenario's when said, else the draft's rule on the references' finest grain and shortest span. */
import { describe, expect, it } from 'vitest';
import { runSeason } from '../../../src-main/engine/common/replay/runSeason';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('runSeason', () => {
  it("keeps the scenario's season, with no reason", () => {
    expect(runSeason('none', [{ grain: 'minute', spanMs: 31 * DAY }], HOUR)).toEqual({ season: 'none', reason: null });
  });
  it('chooses from the finest grain and the shortest span of the references', () => {
    expect(runSeason(undefined, [{ grain: 'minute', spanMs: 59 * DAY }], HOUR).season).toBe('hour-of-week');
    // Blue's month and green's five days: the shorter one decides.
    expect(
      runSeason(
        undefined,
        [
          { grain: 'minute', spanMs: 31 * DAY },
          { grain: 'minute', spanMs: 5 * DAY },
        ],
        HOUR,
      ).season,
    ).toBe('hour-of-day');
    // Daily rows: no hour to match, whatever the window.
    const daily = runSeason(undefined, [{ grain: 'day', spanMs: 3 * 365 * DAY }], DAY);
    expect(daily.season).toBe('day-of-week');
    expect(daily.reason).toMatch(/^alerts\.drift\.season not given, chosen from the reference's time grain \(day\): windows shorter than a week/);
    expect(runSeason(undefined, [{ grain: 'day', spanMs: 3 * 365 * DAY }], 30 * DAY).season).toBe('month-of-year');
    // One daily reference and one by the second: the second's grain is finer, so hours count.
    expect(
      runSeason(
        undefined,
        [
          { grain: 'day', spanMs: 60 * DAY },
          { grain: 'second', spanMs: 60 * DAY },
        ],
        HOUR,
      ).season,
    ).toBe('hour-of-week');
  });
  it('falls back to hour-of-week, saying so, when no reference was read', () => {
    expect(runSeason(undefined, [], HOUR)).toEqual({ season: 'hour-of-week', reason: expect.stringContaining('no reference read') });
  });
});
