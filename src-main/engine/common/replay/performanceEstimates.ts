/**
 * Performance before labels in the replay: a window of a calibrated model gets its AUC and
 * accuracy estimated from its probabilities when it closes; when its labels arrive the estimate
 * is set beside what they say, and the tally gives, per model, the estimate's mean absolute
 * error beside the labelled windows' own sampling error of AUC. An uncalibrated model gets none.
 */
import type { DriftWindow, EstimateCalibration, LabelWindow, ReplayWatch } from '../../../contract/events';
import { hanleyMcNeilStandardError } from '../stats/aucStandardError';
import { calibrationOf, estimatedAccuracy, estimatedAuc } from '../stats/performanceEstimate';
import { round } from './windowDrift';

export type WindowEstimate = NonNullable<DriftWindow['estimate']>;
export type LabelledEstimate = NonNullable<LabelWindow['estimate']>;

/** The calibration of a model's reference scores (NaN where a row was not scored or has no label); null without a usable row. */
export function estimateCalibrationOf(predictions: ArrayLike<number>, labels: ArrayLike<number>): EstimateCalibration | null {
  const c = calibrationOf(predictions, labels);
  if (c === null) {
    return null;
  }
  const rows = c.bins.reduce((n, b) => n + b.rows, 0);
  return { calibrated: c.calibrated, error: round(c.error)!, noise: round(c.noise)!, bound: round(c.bound)!, rows };
}

/** A window's estimate from its scored predictions, accuracy at the model's threshold (unrounded: the tally uses it). */
export function windowEstimateOf(predictions: ArrayLike<number>, threshold: number): WindowEstimate {
  return { auc: estimatedAuc(predictions), accuracy: estimatedAccuracy(predictions, threshold) };
}

/** The estimate against a labelled window: its realised accuracy at the threshold, and its AUC's sampling error. */
export function labelledEstimateOf(
  estimate: WindowEstimate,
  predictions: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
  auc: number | null,
): LabelledEstimate {
  let positives = 0;
  let negatives = 0;
  let right = 0;
  for (let i = 0; i < predictions.length; i++) {
    const p = predictions[i]!;
    const y = labels[i];
    if (!Number.isFinite(p) || (y !== 0 && y !== 1)) {
      continue;
    }
    positives += y;
    negatives += 1 - y;
    right += (p >= threshold ? 1 : 0) === y ? 1 : 0;
  }
  const rows = positives + negatives;
  return {
    auc: estimate.auc,
    aucStandardError: auc === null ? null : hanleyMcNeilStandardError(auc, positives, negatives),
    accuracy: estimate.accuracy,
    realisedAccuracy: rows === 0 ? null : right / rows,
  };
}

/** Rounds the figures an event carries to 4 significant figures. */
export function roundedEstimate<T extends Record<string, number | null>>(estimate: T): T {
  return Object.fromEntries(Object.entries(estimate).map(([k, v]) => [k, round(v)])) as T;
}

/** One model's running tally of estimates against labels. */
export class EstimateTally {
  private windows = 0;
  private aucError = 0;
  private standardError = 0;
  private standardErrors = 0;
  private accuracyError = 0;
  private accuracies = 0;

  constructor(private readonly calibrated: boolean) {}

  /** Takes a labelled window's estimate and its realised AUC. */
  add(labelled: LabelledEstimate, auc: number | null): void {
    if (labelled.auc !== null && auc !== null) {
      this.windows += 1;
      this.aucError += Math.abs(labelled.auc - auc);
      if (labelled.aucStandardError !== null) {
        this.standardError += labelled.aucStandardError;
        this.standardErrors += 1;
      }
    }
    if (labelled.accuracy !== null && labelled.realisedAccuracy !== null) {
      this.accuracyError += Math.abs(labelled.accuracy - labelled.realisedAccuracy);
      this.accuracies += 1;
    }
  }

  summary(): NonNullable<ReplayWatch['estimate']> {
    return {
      calibrated: this.calibrated,
      windows: this.windows,
      aucMae: this.windows === 0 ? null : round(this.aucError / this.windows),
      accuracyMae: this.accuracies === 0 ? null : round(this.accuracyError / this.accuracies),
      aucStandardError: this.standardErrors === 0 ? null : round(this.standardError / this.standardErrors),
    };
  }
}
