/** The rollout plan in Argo's words, for events, reports and the exported Rollout. */
import { analysisGates, type RolloutSection, type RolloutStepSpec } from '../scenario/sections/rollout';

const UNITS: readonly [number, string][] = [
  [604_800_000, 'w'],
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'm'],
  [1000, 's'],
];

/** A duration as the scenario and Argo write it: `1d`, `12h`, `90s`, `250ms`. */
export function durationText(ms: number): string {
  for (const [size, unit] of UNITS) {
    if (ms >= size && ms % size === 0) {
      return `${ms / size}${unit}`;
    }
  }
  return `${ms}ms`;
}

/** How long a step lasts in event time: null for an instant weight change or a pause for a person. */
export function stepDurationMs(plan: RolloutSection, step: RolloutStepSpec): number | null {
  if ('setWeight' in step) {
    return null;
  }
  if ('pause' in step) {
    return step.pause.duration ?? null;
  }
  return step.analysis.duration ?? plan.stepDuration;
}

/** One step in a line: `setWeight 10`, `pause 1d`, `pause (until promoted)`, `analysis 1d: errorRate, predictionPsi`. */
export function stepText(plan: RolloutSection, step: RolloutStepSpec): string {
  if ('setWeight' in step) {
    return `setWeight ${step.setWeight}`;
  }
  if ('pause' in step) {
    return step.pause.duration === undefined ? 'pause (until promoted)' : `pause ${durationText(step.pause.duration)}`;
  }
  return `analysis ${durationText(stepDurationMs(plan, step)!)}: ${analysisGates(plan, step.analysis).join(', ')}`;
}
