/**
 * The statistical judge, after Spinnaker's Kayenta: per metric, green's samples against blue's
 * with a Mann-Whitney U test and an effect size; a metric fails when the difference is both
 * significant and larger than the tolerance, in the direction that hurts. Shown beside the fixed
 * thresholds of the gates.
 */
import type { JudgedMetric } from '../../../contract/events';
import { mannWhitneyU } from '../stats/mannWhitney';

export type { JudgedMetric };

/** Which direction of change hurts: latency up is bad, a score may move either way. */
export type Direction = 'increase' | 'decrease' | 'either';

/** How sure and how large a difference must be before the judge calls it. */
export interface JudgeOptions {
  readonly alpha: number;
  /** The smallest |rank-biserial| that counts as a real difference. */
  readonly effectTolerance: number;
  /** Fewer samples a side than this is no data. */
  readonly minSamples: number;
}

/** Kayenta-like defaults: 1% significance and a small effect (|r| >= 0.1) at least. */
export const DEFAULT_JUDGE: JudgeOptions = { alpha: 0.01, effectTolerance: 0.1, minSamples: 10 };

/** Judges one metric. */
export function judgeMetric(
  metric: string,
  blue: ArrayLike<number>,
  green: ArrayLike<number>,
  direction: Direction,
  options: JudgeOptions = DEFAULT_JUDGE,
): JudgedMetric {
  const n = { blue: blue.length, green: green.length };
  if (blue.length < options.minSamples || green.length < options.minSamples) {
    return { metric, classification: 'nodata', pValue: null, effect: null, n, failed: false };
  }
  const test = mannWhitneyU(green, blue);
  if (test === null) {
    return { metric, classification: 'nodata', pValue: null, effect: null, n, failed: false };
  }
  const different = test.pValue < options.alpha && Math.abs(test.rankBiserial) >= options.effectTolerance;
  const classification = !different ? 'pass' : test.rankBiserial > 0 ? 'high' : 'low';
  const failed =
    different && (direction === 'either' || (direction === 'increase' && classification === 'high') || (direction === 'decrease' && classification === 'low'));
  return { metric, classification, pValue: test.pValue, effect: test.rankBiserial, n, failed };
}

/** Kayenta's score: the share of judged metrics that did not fail, 0-100. Null when nothing had data. */
export function judgeScore(metrics: readonly JudgedMetric[]): number | null {
  const judged = metrics.filter((m) => m.classification !== 'nodata');
  return judged.length === 0 ? null : (100 * judged.filter((m) => !m.failed).length) / judged.length;
}
