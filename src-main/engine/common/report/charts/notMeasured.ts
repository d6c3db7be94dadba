/** The "no data" side of a chart slot, with the reason the report prints instead of the chart. */
import type { ChartSlot } from '../../../../contract/charts';
import type { PhaseId, RunEvent } from '../../../../contract/events';

/** A chart this run has no data for, and why. */
export function notMeasured<T>(reason: string): ChartSlot<T> {
  return { measured: false, reason };
}

/**
 * Why a chart fed by `phase` is empty: the phase was not part of the run (the scenario did not
 * enable it, or this version has no such phase), or it ran and recorded nothing for the chart.
 */
export function phaseReason(events: readonly RunEvent[], phase: PhaseId, what: string): string {
  const started = events.find((e) => e.kind === 'run.started');
  const planned = started?.kind === 'run.started' && started.phases.includes(phase);
  return planned ? `the ${phase} phase recorded no ${what}` : `this run had no ${phase} phase, which measures ${what}`;
}
