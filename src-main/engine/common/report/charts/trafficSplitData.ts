/**
 * The traffic-split chart's data from the log: green's weight over event time from
 * the router's `router.weights` events (every change is one) and the weight each rollout step
 * began with (a step spans its stretch of event time, so a brushed range inside it still knows
 * the weight in force), the gates of each analysis from
 * `rollout.analysis` (the step analyses, and the background checks that failed), and the
 * rollback from `rollout.aborted`; "not measured" without a rollout.
 */
import type { ChartSlot, TrafficSplitData } from '../../../../contract/charts';
import type { RunEvent } from '../../../../contract/events';
import { eventTimeMs } from '../../view/eventSpan';
import { formatEventTime } from '../../time/eventTime';
import { notMeasured, phaseReason } from './notMeasured';

/** Green's weight over event time, the gates and the rollback; "not measured" without rollout events. */
export function trafficSplitData(events: readonly RunEvent[]): ChartSlot<TrafficSplitData> {
  const planned = events.find((e) => e.kind === 'rollout.planned');
  if (planned?.kind !== 'rollout.planned') {
    return notMeasured(phaseReason(events, 'rollout', 'a blue/green traffic split'));
  }
  let to = eventTimeMs(planned.start);
  const changes: { at: string; ms: number; greenPercent: number }[] = [
    { at: planned.start, ms: eventTimeMs(planned.start), greenPercent: planned.policy.weights.green },
  ];
  const gates: { at: string; name: string; outcome: 'pass' | 'fail' | 'inconclusive' }[] = [];
  let rollback: { at: string; reason: string } | null = null;
  for (const event of events) {
    if (event.eventTime !== null && (event.kind.startsWith('rollout.') || event.kind === 'router.weights')) {
      to = Math.max(to, eventTimeMs(event.eventTime));
    }
    if (event.kind === 'rollout.step') {
      to = Math.max(to, eventTimeMs(event.to));
      changes.push({ at: event.from, ms: eventTimeMs(event.from), greenPercent: event.greenPercent });
    } else if (event.kind === 'router.weights' && event.eventTime !== null) {
      changes.push({ at: event.eventTime, ms: eventTimeMs(event.eventTime), greenPercent: event.weights.green });
    } else if (event.kind === 'rollout.analysis' && event.eventTime !== null) {
      for (const gate of event.gates) {
        if (!event.background || gate.outcome === 'fail') {
          gates.push({ at: event.eventTime, name: event.background ? `${gate.gate} (between batches)` : gate.gate, outcome: gate.outcome });
        }
      }
    } else if (event.kind === 'rollout.aborted' && event.eventTime !== null && rollback === null) {
      rollback = { at: event.eventTime, reason: event.reason };
    }
  }
  // In time order (the sort is stable, so events of one instant keep the log's order), each change once.
  const weights: { at: string; greenPercent: number }[] = [];
  for (const change of changes.sort((x, y) => x.ms - y.ms)) {
    if (weights.at(-1)?.greenPercent !== change.greenPercent) {
      weights.push({ at: change.at, greenPercent: change.greenPercent });
    }
  }
  return { measured: true, data: { range: { from: planned.start, to: formatEventTime(to) }, weights, gates, rollback } };
}
