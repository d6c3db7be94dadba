/**
 * The traffic-split chart's data from the log. Weight changes, gate results and the rollback
 * arrive with the rollout (issue 8); today's log has none, so the chart is "not measured".
 * docs/ARCHITECTURE.md ("Report") says what their events must carry to fill it.
 */
import type { ChartSlot, TrafficSplitData } from '../../../../contract/charts';
import type { RunEvent } from '../../../../contract/events';
import { notMeasured, phaseReason } from './notMeasured';

/** Green's weight over event time, the gates and the rollback; "not measured" without rollout events. */
export function trafficSplitData(events: readonly RunEvent[]): ChartSlot<TrafficSplitData> {
  return notMeasured(phaseReason(events, 'rollout', 'a blue/green traffic split'));
}
