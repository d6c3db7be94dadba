/**
 * The statistical judge's metrics for one step (after Kayenta), green's samples against blue's:
 * latency and failures of the requests each side answered (real time), the predictions on the
 * window's rows and the log loss on the rows whose labels had arrived (event time). Shown beside
 * the fixed gates; the gates decide.
 */
import type { JudgedMetric } from '../../../contract/events';
import type { RolloutSection } from '../scenario/sections/rollout';
import { judgeMetric } from './judge';
import type { SideSamples } from './sideTraffic';
import type { LabelledRows } from './stepMetrics';

/** What the judge reads. */
export interface JudgeInput {
  readonly blue: SideSamples;
  readonly green: SideSamples;
  /** Predictions on the window's rows, or null for a background check between batches. */
  readonly predictions: { readonly blue: ArrayLike<number>; readonly green: ArrayLike<number> } | null;
  readonly labelled: LabelledRows | null;
}

/** Judges each metric that has samples. */
export function judgeStep(input: JudgeInput, options: RolloutSection['judge']): JudgedMetric[] {
  const metrics = [
    judgeMetric('latency (ms)', input.blue.latencyMs, input.green.latencyMs, 'increase', options),
    judgeMetric('failed requests', input.blue.failed, input.green.failed, 'increase', options),
  ];
  if (input.predictions !== null) {
    metrics.push(judgeMetric('prediction', input.predictions.blue, input.predictions.green, 'either', options));
  }
  if (input.labelled !== null) {
    const { labels, blue, green } = input.labelled;
    metrics.push(judgeMetric('log loss per labelled row', rowLosses(blue, labels), rowLosses(green, labels), 'increase', options));
  }
  return metrics;
}

function rowLosses(p: readonly number[], y: readonly number[]): number[] {
  const eps = 1e-15;
  return p.map((v, i) => {
    const q = Math.min(1 - eps, Math.max(eps, v));
    return y[i] === 1 ? -Math.log(q) : -Math.log(1 - q);
  });
}
