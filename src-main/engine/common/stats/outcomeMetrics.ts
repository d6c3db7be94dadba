/**
 * What a window's outcomes say once its labels are known (layers 3 and 4): the
 * decision's precision, recall and false-positive rate at the model's threshold, as
 * `sklearn.metrics` defines them, and the calibration of the probabilities: the Brier score
 * (mean squared error of the probability) and the expected calibration error over ten
 * equal-width bins of [0, 1] (Guo et al. 2017: the rows' share of each bin times the gap between
 * its mean probability and its positive rate). Rows without a 0/1 label or a finite probability
 * are skipped; a figure whose denominator is empty is null.
 */

/** The outcome figures of one window. */
export interface OutcomeMetrics {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly falsePositiveRate: number | null;
  readonly brier: number | null;
  readonly ece: number | null;
}

const ECE_BINS = 10;

/** Precision, recall and FPR of `p >= threshold`; Brier and ECE of `p`. */
export function outcomeMetrics(probabilities: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): OutcomeMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let squared = 0;
  const binCount = new Float64Array(ECE_BINS);
  const binProbability = new Float64Array(ECE_BINS);
  const binPositives = new Float64Array(ECE_BINS);
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    const y = labels[i];
    if (!Number.isFinite(p) || (y !== 0 && y !== 1)) {
      continue;
    }
    const predicted = p >= threshold;
    if (y === 1) {
      if (predicted) {
        tp++;
      } else {
        fn++;
      }
    } else if (predicted) {
      fp++;
    } else {
      tn++;
    }
    squared += (p - y) * (p - y);
    // Bin b holds [b/10, (b+1)/10); 1.0 falls in the last bin.
    const b = Math.min(ECE_BINS - 1, Math.max(0, Math.floor(p * ECE_BINS)));
    binCount[b]! += 1;
    binProbability[b]! += p;
    binPositives[b]! += y;
  }
  const n = tp + fp + fn + tn;
  let ece = 0;
  for (let b = 0; b < ECE_BINS; b++) {
    if (binCount[b]! > 0) {
      ece += (binCount[b]! / n) * Math.abs(binPositives[b]! / binCount[b]! - binProbability[b]! / binCount[b]!);
    }
  }
  return {
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
    falsePositiveRate: fp + tn === 0 ? null : fp / (fp + tn),
    brier: n === 0 ? null : squared / n,
    ece: n === 0 ? null : ece,
  };
}
