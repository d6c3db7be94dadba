/**
 * The rollout-latency lane's data from the log: the p99 of blue and green measured at
 * the router in each timed rollout step (`rollout.step`), placed at the step's event time, with
 * the p99 gate's threshold as the SLA line; "not measured" without a rollout. The desktop app's
 * timeline shows it.
 */
import type { ChartSlot, RolloutLatencyData } from '../../../../contract/charts';
import type { RunEvent } from '../../../../contract/events';
import { notMeasured, phaseReason } from './notMeasured';

/** p99 per rollout step and model; "not measured" without rollout steps. */
export function rolloutLatencyData(events: readonly RunEvent[]): ChartSlot<RolloutLatencyData> {
  const planned = events.find((e) => e.kind === 'rollout.planned');
  const steps = events.flatMap((e) => (e.kind === 'rollout.step' ? [e] : []));
  if (planned?.kind !== 'rollout.planned' || steps.length === 0) {
    return notMeasured(phaseReason(events, 'rollout', 'p99 latency per rollout step'));
  }
  return {
    measured: true,
    data: {
      range: { from: steps[0]!.from, to: steps.at(-1)!.to },
      slaMs: planned.slaMs,
      steps: steps.map((s) => ({ from: s.from, to: s.to, greenPercent: s.greenPercent, p99Ms: { blue: s.sides.blue.p99Ms, green: s.sides.green.p99Ms } })),
    },
  };
}
