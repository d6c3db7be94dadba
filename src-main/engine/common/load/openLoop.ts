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
import type { LatencyHistogram, LatencyView } from '../ports/latencyHistogram';
import type { LoadTransport, PlannedRequest, RequestOutcome } from '../ports/loadTransport';
import type { Rng } from '../ports/rng';
import type { Scheduler } from '../ports/scheduler';
import { IntervalRecorder, type IntervalOutcome } from './loadIntervals';
import { poissonArrivals } from './poissonSchedule';
import type { RateShape } from './rateShape';

/** What the driver needs from outside. */
export interface OpenLoopPorts {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly transport: LoadTransport;
  readonly rng: Rng;
  /** A fresh, empty histogram for one view; the driver keeps four (corrected, uncorrected, lateness, connection wait). */
  readonly histogram: (view: LatencyView) => LatencyHistogram;
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
  /** The corrected distribution in hdr-histogram-js's compressed base64, when the histogram can encode itself. */
  readonly correctedEncoded?: string;
}

/** HTTP 504 is the server's own timeout answer (the model server's `--timeout-ms`), counted as a timeout. */
const GATEWAY_TIMEOUT = 504;

/** Runs the schedule of `shape` against the transport and waits for every request to end. */
export async function runOpenLoop(shape: RateShape, timeoutMs: number, ports: OpenLoopPorts): Promise<OpenLoopTally> {
  const watch = ports.watch ?? {};
  const start = ports.clock.monotonic();
  const tally = new OutcomeTally(ports.histogram, start, watch.intervalMs);
  watch.onStart?.();
  await sendOnSchedule(shape, timeoutMs, ports, start, tally);
  await tally.settled();
  return tally.result(shape.durationMs);
}

/**
 * Hands each request of the schedule to the transport at its planned time, and tells the watch
 * of each mark, from one loop so a mark is as punctual as a request.
 */
async function sendOnSchedule(shape: RateShape, timeoutMs: number, ports: OpenLoopPorts, start: number, tally: OutcomeTally): Promise<void> {
  const { clock, scheduler, transport } = ports;
  const watch = ports.watch ?? {};
  const marks = (watch.marksMs ?? []).filter((m) => m <= shape.durationMs);
  let nextMark = 0;
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
      const request: PlannedRequest = { seq: tally.planned, plannedAt, deadline: plannedAt + timeoutMs };
      const handedAt = clock.monotonic();
      tally.handOver(request, handedAt);
      transport.send(request, (outcome) => tally.settle(request, handedAt, outcome));
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
}

/** Counts and measures each request as it is handed over and as it ends. */
class OutcomeTally {
  private readonly corrected: LatencyHistogram;
  private readonly uncorrected: LatencyHistogram;
  private readonly lateness: LatencyHistogram;
  private readonly connectionWait: LatencyHistogram;
  private readonly intervals: IntervalRecorder | null;
  private readonly errorKinds: Record<string, number> = {};
  private readonly counts = { planned: 0, sent: 0, ok: 0, errors: 0, timeouts: 0, dropped: 0 };
  private lastDone = 0;
  private inFlight = 0;
  private allSettled: (() => void) | null = null;

  constructor(
    histogram: (view: LatencyView) => LatencyHistogram,
    private readonly start: number,
    intervalMs: number | undefined,
  ) {
    this.corrected = histogram('corrected');
    this.uncorrected = histogram('uncorrected');
    this.lateness = histogram('lateness');
    this.connectionWait = histogram('connectionWait');
    this.intervals = intervalMs === undefined ? null : new IntervalRecorder(intervalMs);
  }

  /** Requests handed over so far. */
  get planned(): number {
    return this.counts.planned;
  }

  handOver(request: PlannedRequest, handedAt: number): void {
    this.counts.planned += 1;
    this.inFlight += 1;
    this.lateness.record(handedAt - request.plannedAt);
  }

  settle(request: PlannedRequest, handedAt: number, outcome: RequestOutcome): void {
    this.lastDone = Math.max(this.lastDone, outcome.doneAt);
    const at = outcome.doneAt - this.start;
    if (outcome.kind === 'dropped') {
      this.count(at, 'dropped', null);
    } else {
      this.counts.sent += 1;
      this.connectionWait.record(outcome.sentAt - handedAt);
      if (outcome.kind === 'answered') {
        const latency = outcome.doneAt - request.plannedAt;
        this.corrected.record(latency);
        this.uncorrected.record(outcome.doneAt - outcome.sentAt);
        if (outcome.status >= 200 && outcome.status < 300) {
          this.count(at, 'ok', latency);
        } else if (outcome.status === GATEWAY_TIMEOUT) {
          this.count(at, 'timeouts', latency);
        } else {
          this.count(at, 'errors', latency, `http ${outcome.status}`);
        }
      } else if (outcome.kind === 'timeout') {
        this.count(at, 'timeouts', null);
      } else {
        this.count(at, 'errors', null, outcome.cause);
      }
    }
    this.inFlight -= 1;
    if (this.inFlight === 0 && this.allSettled) {
      this.allSettled();
    }
  }

  /** Resolves once every request handed over has ended. */
  settled(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (this.allSettled = resolve));
  }

  result(durationMs: number): OpenLoopTally {
    const elapsedMs = Math.max(durationMs, this.lastDone - this.start);
    return {
      ...this.counts,
      errorKinds: this.errorKinds,
      elapsedMs,
      corrected: this.corrected.percentiles(),
      uncorrected: this.uncorrected.percentiles(),
      lateness: this.lateness.percentiles(),
      connectionWait: this.connectionWait.percentiles(),
      ...(this.intervals === null ? {} : { intervals: this.intervals.finish(elapsedMs) }),
      ...(this.corrected.encoded === undefined ? {} : { correctedEncoded: this.corrected.encoded() }),
    };
  }

  /** One outcome in the counts and its interval; an error is also counted by its cause. */
  private count(at: number, outcome: IntervalOutcome, latency: number | null, cause?: string): void {
    this.counts[outcome] += 1;
    if (outcome === 'errors') {
      this.errorKinds[cause!] = (this.errorKinds[cause!] ?? 0) + 1;
    }
    this.intervals?.record(at, outcome, latency);
  }
}
