/**
 * The latency-vs-load chart's data from the log. Load results arrive with the load generator
 * (issue 7) and the resource profiles (issue 6); today's log has none, so the chart is "not
 * measured". docs/ARCHITECTURE.md ("Report") says what their events must carry to fill it.
 */
import type { ChartSlot, LatencyLoadData } from '../../../../contract/charts';
import type { RunEvent } from '../../../../contract/events';
import { notMeasured, phaseReason } from './notMeasured';

/** Latency percentiles per request rate and resource profile, with the SLA; "not measured" without load events. */
export function latencyLoadData(events: readonly RunEvent[]): ChartSlot<LatencyLoadData> {
  return notMeasured(phaseReason(events, 'load', 'latency under load'));
}
