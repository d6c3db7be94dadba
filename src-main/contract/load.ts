/**
 * The load generator's plain-data shapes: what a load run was asked to do and what it
 * measured. The CLI prints a `LoadResult` as its `--json` document; the profiles, rollout and
 * monitoring capabilities read the same object, and the `load-sla` check judges it.
 */

/** How the planned rate moves over a run (see `engine/common/load/rateShape.ts`). */
export type LoadShape = 'constant' | 'ramp' | 'step' | 'spike';

/** Which request form the load sends: raw-record `/predict` or Open Inference Protocol `infer`. */
export type LoadProtocol = 'predict' | 'oip';

/** Percentiles of a latency distribution, in milliseconds. */
export interface LatencyPercentiles {
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

/** One finished load run. */
export interface LoadResult {
  /** The rate the schedule was built for: the mean of the shape over the run (requests per second). */
  readonly plannedRps: number;
  /** The highest rate of the shape: the target rate R x multiplier x (1 + headroom). */
  readonly targetRps: number;
  /** Successful answers per second, from the schedule's start to the last answer. */
  readonly achievedRps: number;
  /** Latency from each request's planned send time to its answer (coordinated omission corrected). */
  readonly latencyMs: LatencyPercentiles;
  /** Latency from the moment the request was written to a connection (what wrk, without 2, reports). */
  readonly uncorrectedLatencyMs: LatencyPercentiles;
  /** How late the generator handed requests over against their planned time: how far behind schedule it fell. */
  readonly latenessMs: LatencyPercentiles;
  /** How long requests waited for a free connection (all busy with slow answers) before being written. */
  readonly connectionWaitMs: LatencyPercentiles;
  /** Answers that were not 2xx, and requests whose connection failed. */
  readonly errors: number;
  /** Requests sent but not answered by their deadline (planned time + timeout), and 504 answers. */
  readonly timeouts: number;
  /** Planned requests never sent: handed over, or still waiting for a connection, at their deadline. Never silently left out. */
  readonly dropped: number;
  /** p99 (corrected) within the SLA, and no errors, timeouts or drops. */
  readonly slaPass: boolean;
  /** Nothing dropped and lateness p99 within the schedule tolerance: the generator itself kept up. */
  readonly onSchedule: boolean;
  readonly slaMs: number;
  /** Requests the Poisson schedule planned, sent, and answered with 2xx. */
  readonly requests: { readonly planned: number; readonly sent: number; readonly ok: number };
  /** Errors by cause: `http 500`, `ECONNREFUSED`, `connection closed`, ... */
  readonly errorKinds: Readonly<Record<string, number>>;
  /** Planned duration of the schedule, and the time from its start to the last answer. */
  readonly durationMs: number;
  readonly elapsedMs: number;
  readonly shape: LoadShape;
  readonly protocol: LoadProtocol;
  /** The endpoint requests went to. */
  readonly url: string;
  /** Where the bodies came from (`snapshot x.parquet, 5000 rows in event order`, `numeric, width 4`). */
  readonly payload: string;
  /** For snapshot records: the first and last event times of the records actually sent (the data's clock, ISO without a zone). */
  readonly sentEventTimes?: { readonly first: string; readonly last: string };
  readonly connections: number;
  readonly seed: number;
  /** Per-interval measurements of real time, when the plan asked for them (`intervalMs`): what live alert rules read. */
  readonly intervals?: LoadIntervals;
}

/**
 * What finished in each interval of real time since the schedule started, as a Prometheus scrape
 * would see the server's counters: requests by outcome, and their corrected latencies as counts
 * per histogram bucket (so a window's p99 is computed as `histogram_quantile` does).
 */
export interface LoadIntervals {
  readonly everyMs: number;
  /** Upper bounds of the latency buckets, in ms; one more count than bounds (the overflow). */
  readonly boundsMs: readonly number[];
  readonly series: readonly LoadInterval[];
}

/** One interval: everything whose outcome came in [fromMs, fromMs + everyMs) after the start. */
export interface LoadInterval {
  readonly fromMs: number;
  readonly ok: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly dropped: number;
  /** Answered requests' corrected latencies, counted per bucket of `boundsMs` (not cumulative). */
  readonly latencyCounts: readonly number[];
}

/** One rate tried by a knee search. */
export interface KneeStep {
  readonly rps: number;
  readonly p99Ms: number;
  readonly slaPass: boolean;
  readonly onSchedule: boolean;
  readonly achievedRps: number;
}

/** The result of `--find-knee`: the highest rate that held the SLA, and every rate tried. */
export interface KneeResult {
  /** Null when even the first rate failed the SLA. */
  readonly kneeRps: number | null;
  readonly slaMs: number;
  /** Why the search stopped: the SLA broke, the generator fell behind, or the rate cap was reached. */
  readonly stoppedBy: 'sla' | 'generator' | 'max-rate';
  readonly steps: readonly KneeStep[];
}
