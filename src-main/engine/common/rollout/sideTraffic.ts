/**
 * Real-time metrics per side from what the router recorded: requests, errors,
 * timeouts and latency percentiles of blue and of green, as Istio's per-destination metrics would
 * give them. In shadow mode green serves nothing, so its copies are what it is judged on.
 */
import type { SideTraffic } from '../../../contract/events';
import type { RoutedRequest, UpstreamAnswer } from '../ports/rolloutRig';
import { quantileSorted } from '../stats/quantiles';

/** One side's answers: the traffic summary and the samples the judge compares. */
export interface SideSamples {
  readonly traffic: SideTraffic;
  /** Latency of each answer, ms. */
  readonly latencyMs: readonly number[];
  /** 1 for each answer that failed (error or timeout), else 0. */
  readonly failed: readonly number[];
}

/** The answers one side gave. */
export function sideAnswers(routed: readonly RoutedRequest[], side: 'blue' | 'green', shadow: boolean): UpstreamAnswer[] {
  const out: UpstreamAnswer[] = [];
  for (const r of routed) {
    if (r.side === side && r.served !== null) {
      out.push(r.served);
    } else if (shadow && side === 'green' && r.copies.green !== undefined) {
      out.push(r.copies.green);
    }
  }
  return out;
}

/** Summarizes answers. */
export function sideSamples(answers: readonly UpstreamAnswer[]): SideSamples {
  const latencyMs = answers.map((a) => a.ms);
  const sorted = Float64Array.from(latencyMs).sort();
  return {
    traffic: {
      requests: answers.length,
      errors: answers.filter((a) => a.outcome === 'error').length,
      timeouts: answers.filter((a) => a.outcome === 'timeout').length,
      p50Ms: quantileSorted(sorted, 0.5),
      p99Ms: quantileSorted(sorted, 0.99),
    },
    latencyMs,
    failed: answers.map((a) => (a.outcome === 'ok' ? 0 : 1)),
  };
}

/** Requests the router itself did not take (it was down or restarting). */
export function routerFailures(routed: readonly RoutedRequest[]): number {
  return routed.filter((r) => r.side === null).length;
}
