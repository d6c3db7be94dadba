/**
 * The open-loop driver's watch on virtual time: marks told at their offsets from the
 * schedule's start, whatever the requests do, and per-interval counts that add up to the tally.
 */
import { describe, expect, it } from 'vitest';
import { runOpenLoop } from '../../../src-main/engine/common/load/openLoop';
import { rateShape } from '../../../src-main/engine/common/load/rateShape';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { exactHistogram } from '../../support/exactHistogram';
import { memoryLoadTarget } from '../../support/memoryLoadTarget';
import { virtualTime } from '../../support/virtualTime';

describe('the open-loop watch', () => {
  it('tells the start and each mark at its offset, and counts every outcome in the interval it ended in', async () => {
    const time = virtualTime();
    // Every third request fails; answers take 30 ms, so those sent in the last 30 ms of a second end in the next.
    const target = memoryLoadTarget(time, { connections: Infinity, answer: (sentAt, seq) => ({ at: sentAt + 30, status: seq % 3 === 0 ? 500 : 200 }) });
    const told: [string, number][] = [];
    const running = runOpenLoop(rateShape('constant', 100, 3000), 1000, {
      clock: time.clock,
      scheduler: time.scheduler,
      transport: target,
      rng: seededRng(3),
      histogram: exactHistogram,
      watch: {
        intervalMs: 1000,
        marksMs: [0, 1250, 3000, 5000],
        onStart: () => told.push(['start', time.clock.monotonic()]),
        onMark: (i, at) => told.push([`mark ${i}`, at]),
      },
    });
    let done = false;
    void running.finally(() => (done = true));
    while (!done) {
      await time.advance(1);
    }
    const tally = await running;
    // A mark past the schedule's duration is never told.
    expect(told).toEqual([
      ['start', 0],
      ['mark 0', 0],
      ['mark 1', 1250],
      ['mark 2', 3000],
    ]);
    const series = tally.intervals!.series;
    expect(series.map((s) => s.fromMs)).toEqual([0, 1000, 2000, 3000].slice(0, series.length));
    expect(series.reduce((n, s) => n + s.ok, 0)).toBe(tally.ok);
    expect(series.reduce((n, s) => n + s.errors, 0)).toBe(tally.errors);
    expect(series.reduce((n, s) => n + s.latencyCounts.reduce((a, b) => a + b, 0), 0)).toBe(tally.ok + tally.errors);
    // Every latency is 30 ms: all in the (25, 50] ms bucket.
    const bucket = tally.intervals!.boundsMs.indexOf(50);
    expect(series.every((s) => s.latencyCounts.every((c, b) => b === bucket || c === 0))).toBe(true);
  });
});
