/**
 * The open-loop driver (after wrk2): every request of the Poisson schedule is handed to the
 * transport at its planned time whether or not earlier ones were answered, and its latency is
 * measured from that planned time, so a stalled server cannot hide its stall by slowing the
 * sender down (coordinated omission). The uncorrected view, from the moment each request was
 * actually written, is kept beside it. A request's corrected latency is the sum of three parts,
 * each kept: its lateness (handed over after its planned time: the generator itself fell
 * behind), its wait for a free connection (every connection busy with a slow answer), and its
 * uncorrected latency.
 */
import type { LatencyPercentiles, LoadIntervals } from '../../../contract/load';
import type { Clock } from '../ports/clock';
import type { LatencyHistogram } from '../ports/latencyHistogram';
import type { LoadTransport, PlannedRequest, RequestOutcome } from '../ports/loadTransport';
import type { Rng } from '../ports/rng';
import type { Scheduler } from '../ports/scheduler';
import { IntervalRecorder } from './loadIntervals';
import { poissonArrivals } from './poissonSchedule';
import type { RateShape } from './rateShape';

/** What the driver needs from outside. */
export interface OpenLoopPorts {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly transport: LoadTransport;
  readonly rng: Rng;
  /** A fresh, empty histogram; the driver keeps four (corrected, uncorrected, lateness, connection wait). */
  readonly histogram: () => LatencyHistogram;
  /** What to tell and record beside the tally (the server faults and the live layer 1 rules); nothing when absent. */
  readonly watch?: OpenLoopWatch;
}

/**
 * Hooks on the schedule's own time: its start, marks at set offsets (fired from the same loop as
 * the sends, so a mark is as punctual as a request), and per-interval measurements.
 */
export interface OpenLoopWatch {
  /** Record what finished in each interval of this length (`OpenLoopTally.intervals`). */
  readonly intervalMs?: number;
  /** Offsets from the start, ascending; each is told to `onMark` once its time comes (at most the schedule's duration). */
  readonly marksMs?: readonly number[];
  /** The schedule's clock starts now. */
  onStart?(): void;
  onMark?(index: number, elapsedMs: number): void;
}

/** What a run counted and measured. */
export interface OpenLoopTally {
  readonly planned: number;
  readonly sent: number;
  readonly ok: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly dropped: number;
  readonly errorKinds: Readonly<Record<string, number>>;
  /** From the schedule's start to the last outcome (at least the schedule's duration). */
  readonly elapsedMs: number;
  readonly corrected: LatencyPercentiles;
  readonly uncorrected: LatencyPercentiles;
  /** From the planned time to the hand-over, for every request: the generator's own lag. */
  readonly lateness: LatencyPercentiles;
  /** From the hand-over to the write, for every request sent: waiting for a free connection. */
  readonly connectionWait: LatencyPercentiles;
  /** Per-interval measurements, when the watch asked for them. */
  readonly intervals?: LoadIntervals;
}

/** HTTP 504 is the server's own timeout answer (the model server's `--timeout-ms`), counted as a timeout. */
const GATEWAY_TIMEOUT = 504;

/** Runs the schedule of `shape` against the transport and waits for every request to end. */
export async function runOpenLoop(shape: RateShape, timeoutMs: number, ports: OpenLoopPorts): Promise<OpenLoopTally> {
  const { clock, scheduler, transport } = ports;
  const corrected = ports.histogram();
  const uncorrected = ports.histogram();
  const lateness = ports.histogram();
  const connectionWait = ports.histogram();
  const errorKinds: Record<string, number> = {};
  const counts = { planned: 0, sent: 0, ok: 0, errors: 0, timeouts: 0, dropped: 0 };
  let lastDone = 0;
  let inFlight = 0;
  let allSettled: (() => void) | null = null;
  const watch = ports.watch ?? {};
  const intervals = watch.intervalMs === undefined ? null : new IntervalRecorder(watch.intervalMs);
  const marks = (watch.marksMs ?? []).filter((m) => m <= shape.durationMs);
  let nextMark = 0;

  const countError = (cause: string): void => {
    counts.errors += 1;
    errorKinds[cause] = (errorKinds[cause] ?? 0) + 1;
  };
  const settle = (request: PlannedRequest, handedAt: number, outcome: RequestOutcome): void => {
    lastDone = Math.max(lastDone, outcome.doneAt);
    const at = outcome.doneAt - start;
    if (outcome.kind === 'dropped') {
      counts.dropped += 1;
      intervals?.record(at, 'dropped', null);
    } else {
      counts.sent += 1;
      connectionWait.record(outcome.sentAt - handedAt);
      if (outcome.kind === 'answered') {
        const latency = outcome.doneAt - request.plannedAt;
        corrected.record(latency);
        uncorrected.record(outcome.doneAt - outcome.sentAt);
        if (outcome.status >= 200 && outcome.status < 300) {
          counts.ok += 1;
          intervals?.record(at, 'ok', latency);
        } else if (outcome.status === GATEWAY_TIMEOUT) {
          counts.timeouts += 1;
          intervals?.record(at, 'timeouts', latency);
        } else {
          countError(`http ${outcome.status}`);
          intervals?.record(at, 'errors', latency);
        }
      } else if (outcome.kind === 'timeout') {
        counts.timeouts += 1;
        intervals?.record(at, 'timeouts', null);
      } else {
        countError(outcome.cause);
        intervals?.record(at, 'errors', null);
      }
    }
    inFlight -= 1;
    if (inFlight === 0 && allSettled) {
      allSettled();
    }
  };

  const start = clock.monotonic();
  watch.onStart?.();
  const arrivals = poissonArrivals(shape, ports.rng);
  let next = arrivals.next();
  while (!next.done || nextMark < marks.length) {
    const now = clock.monotonic();
    while (nextMark < marks.length && start + marks[nextMark]! <= now) {
      watch.onMark?.(nextMark, now - start);
      nextMark += 1;
    }
    // Everything due is handed over at once: a late wake-up never thins the schedule.
    while (!next.done && start + next.value <= now) {
      const plannedAt = start + next.value;
      const request: PlannedRequest = { seq: counts.planned, plannedAt, deadline: plannedAt + timeoutMs };
      counts.planned += 1;
      inFlight += 1;
      const handedAt = clock.monotonic();
      lateness.record(handedAt - plannedAt);
      transport.send(request, (outcome) => settle(request, handedAt, outcome));
      next = arrivals.next();
    }
    const due = Math.min(next.done ? Infinity : next.value, nextMark < marks.length ? marks[nextMark]! : Infinity);
    if (due !== Infinity) {
      // Timers fire on whole milliseconds at best: a send can be about a millisecond late, and
      // everything due by then goes out together. (A busy spin would be more exact but burns a
      // core that, on a small machine, the server under test needs.)
      const wait = Math.max(0, start + due - clock.monotonic());
      await new Promise<void>((resolve) => scheduler.schedule(wait, resolve));
    }
  }
  if (inFlight > 0) {
    await new Promise<void>((resolve) => (allSettled = resolve));
  }
  const elapsedMs = Math.max(shape.durationMs, lastDone - start);
  return {
    ...counts,
    errorKinds,
    elapsedMs,
    corrected: corrected.percentiles(),
    uncorrected: uncorrected.percentiles(),
    lateness: lateness.percentiles(),
    connectionWait: connectionWait.percentiles(),
    ...(intervals === null ? {} : { intervals: intervals.finish(elapsedMs) }),
  };
}
