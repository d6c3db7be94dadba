/**
 * Windows waiting for their labels: a flight's delay is known a day after it departs,
 * so a window's outcomes (positive rate, AUC; precision, recall and false-positive rate at the
 * model's threshold; Brier score and calibration error) are appended only once the replay has
 * passed the window's end plus the label delay, never earlier than production would know them.
 */
import { rocAuc } from '../stats/classification';
import { outcomeMetrics, type OutcomeMetrics } from '../stats/outcomeMetrics';
import type { WindowEstimate } from './performanceEstimates';

/** One window's outcomes, waiting. */
export interface PendingLabels {
  readonly role: 'blue' | 'green';
  readonly from: number;
  readonly to: number;
  readonly dueAt: number;
  readonly predictions: Float64Array;
  readonly predictionLabels: Float64Array;
  readonly labelled: number;
  readonly positives: number;
  readonly referencePositiveRate: number | null;
  /** The model's decision threshold, for precision, recall and false-positive rate. */
  readonly threshold: number;
  /** A calibrated model's estimate of the window's performance, made before these labels. */
  readonly estimate: WindowEstimate | null;
}

/** A window's outcomes once known. */
export interface KnownLabels {
  readonly pending: PendingLabels;
  readonly positiveRate: number | null;
  readonly auc: number | null;
  readonly outcomes: OutcomeMetrics;
}

/** Windows in the order they closed; with one delay for all, that is the order they come due. */
export class LabelQueue {
  private readonly waiting: PendingLabels[] = [];

  add(pending: PendingLabels): void {
    this.waiting.push(pending);
  }

  /** The windows due by `t` (all of them when `t` is Infinity), in order. */
  due(t: number): KnownLabels[] {
    let k = 0;
    while (k < this.waiting.length && this.waiting[k]!.dueAt <= t) {
      k++;
    }
    return this.waiting.splice(0, k).map((pending) => ({
      pending,
      positiveRate: pending.labelled === 0 ? null : pending.positives / pending.labelled,
      auc: rocAuc(pending.predictions, pending.predictionLabels),
      outcomes: outcomeMetrics(pending.predictions, pending.predictionLabels, pending.threshold),
    }));
  }
}
