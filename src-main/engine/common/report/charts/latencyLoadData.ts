/**
 * The latency-vs-load chart's data from the log: each `load.result` (one per resource
 * profile and load level) is a point at the rate actually answered, with the corrected p50, p95
 * and p99; the SLA line is the load's. Without load results the chart is "not measured".
 */
import type { ChartSlot, LatencyLoadData, LatencyPoint } from '../../../../contract/charts';
import type { RunEvent } from '../../../../contract/events';
import { notMeasured, phaseReason } from './notMeasured';

/** Latency percentiles per request rate and resource profile, with the SLA; "not measured" without load events. */
export function latencyLoadData(events: readonly RunEvent[]): ChartSlot<LatencyLoadData> {
  const profiles = new Map<string, LatencyPoint[]>();
  let slaMs: number | null = null;
  for (const event of events) {
    if (event.kind !== 'load.result' || event.result === null) {
      continue;
    }
    const { result } = event;
    slaMs ??= result.slaMs;
    const points = profiles.get(event.profile) ?? [];
    points.push({ rps: result.achievedRps, p50Ms: result.latencyMs.p50, p95Ms: result.latencyMs.p95, p99Ms: result.latencyMs.p99 });
    profiles.set(event.profile, points);
  }
  if (profiles.size === 0) {
    return notMeasured(phaseReason(events, 'load', 'latency under load'));
  }
  return {
    measured: true,
    data: { slaMs, profiles: [...profiles].map(([name, points]) => ({ name, points: points.sort((a, b) => a.rps - b.rps) })) },
  };
}
