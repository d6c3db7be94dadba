/**
 * The drift heatmap's data from the log. Per-window drift events arrive with the replay phase
 * (issue 4); until then no event of today's log carries it, so the chart is "not measured".
 * docs/ARCHITECTURE.md ("Report") says what the replay's events must carry to fill it.
 */
import type { ChartSlot, DriftHeatmapData } from '../../../../contract/charts';
import type { RunEvent } from '../../../../contract/events';
import { notMeasured, phaseReason } from './notMeasured';

/** Feature x window PSI from the replay's drift events; "not measured" without them. */
export function driftHeatmapData(events: readonly RunEvent[]): ChartSlot<DriftHeatmapData> {
  return notMeasured(phaseReason(events, 'replay', 'drift per feature and event-time window'));
}
