import { describe, expect, it } from 'vitest';
import { runOpenLoop, type OpenLoopTally } from '../../../src-main/engine/common/load/openLoop';
import { poissonArrivals } from '../../../src-main/engine/common/load/poissonSchedule';
import { rateShape } from '../../../src-main/engine/common/load/rateShape';
import type { Scheduler } from '../../../src-main/engine/common/ports/scheduler';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { exactHistogram } from '../../support/exactHistogram';
import { memoryLoadTarget, type MemoryTargetOptions } from '../../support/memoryLoadTarget';
import { virtualTime, type VirtualTime } from '../../support/virtualTime';

const START = 0;

/** Moves virtual time until `work` settles. */
async function drive<T>(time: VirtualTime, work: Promise<T>): Promise<T> {
  let done = false;
  const settled = work.finally(() => (done = true));
  for (;;) {
    await time.settle();
    if (done) {
      return settled;
    }
    if (time.pending === 0) {
      throw new Error('virtual time: the work waits, but nothing is scheduled');
    }
    await time.advance(1);
  }
}

/** Runs a constant-rate load on virtual time against an in-memory server. */
async function run(options: { rps: number; durationMs: number; timeoutMs?: number; seed?: number; wakeLateMs?: number } & MemoryTargetOptions) {
  const time = virtualTime();
  const target = memoryLoadTarget(time, options);
  const shape = rateShape('constant', options.rps, options.durationMs);
  // A slow event loop: every wake-up of the driver comes `wakeLateMs` after it asked.
  const scheduler: Scheduler = { schedule: (delayMs, task) => time.scheduler.schedule(delayMs + (options.wakeLateMs ?? 0), task) };
  const tally: OpenLoopTally = await drive(
    time,
    runOpenLoop(shape, options.timeoutMs ?? 10_000, {
      clock: time.clock,
      scheduler,
      transport: target,
      rng: seededRng(options.seed ?? 1),
      histogram: exactHistogram,
    }),
  );
  const planned = [...poissonArrivals(shape, seededRng(options.seed ?? 1))].map((t) => START + t);
  return { tally, target, planned };
}

const fixed =
  (ms: number): MemoryTargetOptions['answer'] =>
  (sentAt) => ({ at: sentAt + ms, status: 200 });

describe('the open-loop driver', () => {
  it('hands over every planned request exactly at its planned time', async () => {
    const { tally, target, planned } = await run({ rps: 200, durationMs: 5000, connections: Infinity, answer: fixed(3) });
    expect(target.handedOver).toEqual(planned);
    expect(tally.planned).toBe(planned.length);
    expect(tally.sent).toBe(planned.length);
    expect(tally.ok).toBe(planned.length);
    expect(tally.corrected.p99).toBe(3);
    expect(tally.uncorrected.p99).toBe(3);
    expect(tally.lateness.max).toBe(0);
    expect(tally.connectionWait.max).toBe(0);
  });

  it('keeps sending on schedule while the server takes far longer than the gap between requests', async () => {
    const { tally, target, planned } = await run({ rps: 500, durationMs: 2000, connections: Infinity, answer: fixed(1000) });
    // A closed loop would wait for answers; the open loop's sends are the plan, untouched.
    expect(target.handedOver).toEqual(planned);
    expect(tally.corrected.p50).toBe(1000);
    expect(tally.elapsedMs).toBeGreaterThanOrEqual(2000);
  });

  it('sees a server stall in the corrected p99 but not in the uncorrected one, with few connections (as wrk2)', async () => {
    const stall = { from: START + 1000, to: START + 1400 };
    // Answers take 1 ms, except that nothing is answered during the stall.
    const answer: MemoryTargetOptions['answer'] = (sentAt) => ({ at: sentAt < stall.to && sentAt + 1 > stall.from ? stall.to : sentAt + 1, status: 200 });
    const few = await run({ rps: 1000, durationMs: 3000, connections: 4, answer });
    expect(few.tally.corrected.p99).toBeGreaterThan(200);
    expect(few.tally.uncorrected.p99).toBeLessThan(10);
    // The few requests caught on their connections do show the stall in the uncorrected max.
    expect(few.tally.uncorrected.max).toBeGreaterThan(300);
    // The rest waited for a connection; the generator itself stayed on schedule.
    expect(few.tally.connectionWait.max).toBeGreaterThan(300);
    expect(few.tally.lateness.max).toBe(0);
    // With a connection for every request, each is written on time and both views see the stall.
    const many = await run({ rps: 1000, durationMs: 3000, connections: Infinity, answer });
    expect(many.tally.uncorrected.p99).toBeGreaterThan(200);
    expect(many.tally.corrected.p99).toBe(many.tally.uncorrected.p99);
  });

  it('sends everything due at once when it wakes late, and records how late', async () => {
    const { tally, target, planned } = await run({ rps: 400, durationMs: 2000, connections: Infinity, answer: fixed(2), wakeLateMs: 20 });
    expect(target.handedOver.length).toBe(planned.length);
    expect(tally.sent).toBe(planned.length);
    expect(tally.lateness.max).toBeGreaterThanOrEqual(20);
    expect(tally.lateness.max).toBeLessThan(21);
    expect(tally.connectionWait.max).toBe(0);
    expect(tally.corrected.p99).toBeGreaterThan(tally.uncorrected.p99);
  });

  it('counts errors by status, 504 as a timeout, and requests dropped or timed out at their deadline', async () => {
    const answer: MemoryTargetOptions['answer'] = (sentAt, seq) => ({
      at: sentAt + (seq % 10 === 0 ? 5000 : 1),
      status: seq % 7 === 0 ? 500 : seq % 11 === 0 ? 504 : 200,
    });
    const { tally, planned } = await run({ rps: 300, durationMs: 2000, timeoutMs: 100, connections: Infinity, answer });
    const seqs = planned.map((_, seq) => seq);
    const slow = seqs.filter((s) => s % 10 === 0);
    const fast = seqs.filter((s) => s % 10 !== 0);
    expect(tally.timeouts).toBe(slow.length + fast.filter((s) => s % 7 !== 0 && s % 11 === 0).length);
    expect(tally.errors).toBe(fast.filter((s) => s % 7 === 0).length);
    expect(tally.errorKinds).toEqual({ 'http 500': tally.errors });
    expect(tally.ok + tally.errors + tally.timeouts).toBe(planned.length);
  });

  it('drops, and counts, requests it could only hand over after their deadline', async () => {
    // Every wake-up is 150 ms late with a 100 ms timeout: the oldest requests due are past saving.
    const { tally, planned } = await run({ rps: 200, durationMs: 2000, timeoutMs: 100, connections: Infinity, answer: fixed(1), wakeLateMs: 150 });
    expect(tally.dropped).toBeGreaterThan(0);
    expect(tally.sent + tally.dropped).toBe(planned.length);
    // Lateness covers every request handed over, dropped ones too.
    expect(tally.lateness.max).toBeGreaterThanOrEqual(150);
  });
});
