/**
 * The rollout-latency lane's data from the log: the p99 of blue and green in each rollout step,
 * placed at the step's event time. Steps and their latencies arrive with the rollout (issue 8);
 * today's log has none, so the lane is "not measured". The desktop app's timeline shows it
 * (issue 12); docs/ARCHITECTURE.md ("Desktop app") says what the events must carry.
 */
import type { ChartSlot, RolloutLatencyData } from '../../../../contract/charts';
import type { RunEvent } from '../../../../contract/events';
import { notMeasured, phaseReason } from './notMeasured';

/** p99 per rollout step and model; "not measured" without rollout events. */
export function rolloutLatencyData(events: readonly RunEvent[]): ChartSlot<RolloutLatencyData> {
  return notMeasured(phaseReason(events, 'rollout', 'p99 latency per rollout step'));
}
