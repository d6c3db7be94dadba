/** Turns what the driver counted into the `LoadResult` every face reads (pure). */
import type { LatencyPercentiles, LoadProtocol, LoadResult } from '../../../contract/load';
import type { OpenLoopTally } from './openLoop';
import type { RateShape } from './rateShape';

/** What the run was asked to do, besides the shape. */
export interface LoadRunFacts {
  readonly slaMs: number;
  /** Lateness p99 up to this is still on schedule. */
  readonly scheduleToleranceMs: number;
  readonly protocol: LoadProtocol;
  readonly url: string;
  readonly payload: string;
  /** The first and last event times of the snapshot records written; null for numeric bodies. */
  readonly sentEventTimes?: { readonly first: string; readonly last: string } | null;
  readonly connections: number;
  readonly seed: number;
}

/** The default schedule tolerance: a hand-over up to 10 ms after its planned time is on schedule. */
export const DEFAULT_SCHEDULE_TOLERANCE_MS = 10;

/** The result of one run. The SLA holds only with answers, no errors, no timeouts and nothing dropped. */
export function loadResult(shape: RateShape, tally: OpenLoopTally, facts: LoadRunFacts): LoadResult {
  const latencyMs = rounded(tally.corrected);
  const slaPass = tally.ok > 0 && tally.errors === 0 && tally.timeouts === 0 && tally.dropped === 0 && latencyMs.p99 <= facts.slaMs;
  const latenessMs = rounded(tally.lateness);
  return {
    plannedRps: round(shape.meanRps, 3),
    targetRps: round(shape.maxRps, 3),
    achievedRps: round(tally.ok / (tally.elapsedMs / 1000), 3),
    latencyMs,
    uncorrectedLatencyMs: rounded(tally.uncorrected),
    latenessMs,
    connectionWaitMs: rounded(tally.connectionWait),
    errors: tally.errors,
    timeouts: tally.timeouts,
    dropped: tally.dropped,
    slaPass,
    onSchedule: tally.dropped === 0 && latenessMs.p99 <= facts.scheduleToleranceMs,
    slaMs: facts.slaMs,
    requests: { planned: tally.planned, sent: tally.sent, ok: tally.ok },
    errorKinds: tally.errorKinds,
    durationMs: shape.durationMs,
    elapsedMs: round(tally.elapsedMs, 3),
    shape: shape.shape,
    protocol: facts.protocol,
    url: facts.url,
    payload: facts.payload,
    ...(facts.sentEventTimes ? { sentEventTimes: facts.sentEventTimes } : {}),
    connections: facts.connections,
    seed: facts.seed,
    ...(tally.intervals === undefined ? {} : { intervals: tally.intervals }),
  };
}

/** Microsecond resolution is what the histograms keep; more digits would be noise. */
function rounded(p: LatencyPercentiles): LatencyPercentiles {
  return { p50: round(p.p50, 3), p90: round(p.p90, 3), p95: round(p.p95, 3), p99: round(p.p99, 3), p999: round(p.p999, 3), max: round(p.max, 3) };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
