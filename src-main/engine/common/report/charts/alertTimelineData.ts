/**
 * The alert timeline's data from the log. Alerts per layer and the injected faults arrive with
 * four-layer monitoring (issue 9), the shifts (issue 4) and the model server's faults (issue 5);
 * today's log has none, so the chart is "not measured". docs/ARCHITECTURE.md ("Report") says
 * what their events must carry to fill it.
 */
import type { AlertTimelineData, ChartSlot } from '../../../../contract/charts';
import type { RunEvent } from '../../../../contract/events';
import { notMeasured, phaseReason } from './notMeasured';

/** Alerts per monitoring layer and injected faults over event time; "not measured" without them. */
export function alertTimelineData(events: readonly RunEvent[]): ChartSlot<AlertTimelineData> {
  return notMeasured(phaseReason(events, 'replay', 'alerts per monitoring layer'));
}
