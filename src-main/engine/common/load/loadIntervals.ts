/**
 * Per-interval measurements of a load run: what finished in each second of real time,
 * counted the way the model server's Prometheus metrics count it (outcomes, and latencies into
 * histogram buckets), so the live layer 1 rules can be evaluated on a run after the fact, second
 * by second, as Prometheus would have evaluated them on a scrape of the server.
 */
import type { LoadInterval, LoadIntervals } from '../../../contract/load';

/**
 * Bucket bounds in ms: the model server's latency histogram (`model_server_request_duration_seconds`,
 * from 100 us), so a window's p99 here and the exported rule's agree on bucket edges.
 */
export const INTERVAL_BOUNDS_MS: readonly number[] = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

/** How one request ended, for its interval. */
export type IntervalOutcome = 'ok' | 'errors' | 'timeouts' | 'dropped';

/** Counts outcomes into intervals of `everyMs` by the time they came in (ms since the start). */
export class IntervalRecorder {
  private readonly series: { ok: number; errors: number; timeouts: number; dropped: number; latencyCounts: number[] }[] = [];

  constructor(private readonly everyMs: number) {
    if (!(everyMs > 0)) {
      throw new Error(`an interval must be longer than 0 ms, got ${everyMs}`);
    }
  }

  /** One outcome at `elapsedMs`; `latencyMs` for answered requests. */
  record(elapsedMs: number, outcome: IntervalOutcome, latencyMs: number | null): void {
    const index = Math.max(0, Math.floor(elapsedMs / this.everyMs));
    while (this.series.length <= index) {
      this.series.push({ ok: 0, errors: 0, timeouts: 0, dropped: 0, latencyCounts: new Array<number>(INTERVAL_BOUNDS_MS.length + 1).fill(0) });
    }
    const interval = this.series[index]!;
    interval[outcome] += 1;
    if (latencyMs !== null) {
      const bucket = INTERVAL_BOUNDS_MS.findIndex((bound) => latencyMs <= bound);
      const at = bucket < 0 ? INTERVAL_BOUNDS_MS.length : bucket;
      interval.latencyCounts[at] = interval.latencyCounts[at]! + 1;
    }
  }

  /** Every interval up to `elapsedMs` (empty ones included), as plain data. */
  finish(elapsedMs: number): LoadIntervals {
    const count = Math.max(this.series.length, Math.ceil(elapsedMs / this.everyMs));
    const series: LoadInterval[] = Array.from({ length: count }, (_, i) => {
      const s = this.series[i];
      return {
        fromMs: i * this.everyMs,
        ok: s?.ok ?? 0,
        errors: s?.errors ?? 0,
        timeouts: s?.timeouts ?? 0,
        dropped: s?.dropped ?? 0,
        latencyCounts: s ? [...s.latencyCounts] : new Array<number>(INTERVAL_BOUNDS_MS.length + 1).fill(0),
      };
    });
    return { everyMs: this.everyMs, boundsMs: INTERVAL_BOUNDS_MS, series };
  }
}

/**
 * The `q` quantile of bucket counts, interpolated linearly inside the bucket as Prometheus'
 * `histogram_quantile` does; the highest finite bound when it falls in the overflow; null without
 * observations.
 */
export function bucketQuantile(q: number, boundsMs: readonly number[], counts: readonly number[]): number | null {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total === 0) {
    return null;
  }
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (below + count >= rank && count > 0) {
      if (i >= boundsMs.length) {
        return boundsMs.at(-1)!;
      }
      const lower = i === 0 ? 0 : boundsMs[i - 1]!;
      return lower + (boundsMs[i]! - lower) * ((rank - below) / count);
    }
    below += count;
  }
  return boundsMs.at(-1)!;
}
