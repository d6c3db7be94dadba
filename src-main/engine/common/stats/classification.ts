/** Outcome metrics of a probabilistic classifier, as scikit-learn defines them. */
import { sortFloats } from './sortFloats';

/**
 * ROC AUC as `sklearn.metrics.roc_auc_score`: the Mann-Whitney U of the positives' scores over
 * the negatives', ties counted half (the average-rank form), divided by positives x negatives.
 * Labels are 1 (positive) or 0; others, and non-finite scores, are skipped. Each class's scores
 * are sorted as a typed array and merged, so a million rows take a sort, not a comparator call
 * per pair. Null when one class is absent (AUC is undefined then).
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < scores.length; i++) {
    if (Number.isFinite(scores[i])) {
      positives += labels[i] === 1 ? 1 : 0;
      negatives += labels[i] === 0 ? 1 : 0;
    }
  }
  if (positives === 0 || negatives === 0) {
    return null;
  }
  // Many float32 scores stay float32 (the same values, radix-sorted in half the passes); a few
  // hundred go to float64, which the small-array sort takes.
  const Kind = scores instanceof Float32Array && Math.min(positives, negatives) >= 100_000 ? Float32Array : Float64Array;
  const pos = new Kind(positives);
  const neg = new Kind(negatives);
  let p = 0;
  let q = 0;
  for (let i = 0; i < scores.length; i++) {
    const x = scores[i] as number;
    if (Number.isFinite(x)) {
      if (labels[i] === 1) {
        pos[p++] = x;
      } else if (labels[i] === 0) {
        neg[q++] = x;
      }
    }
  }
  sortFloats(pos);
  sortFloats(neg);
  // For each positive: negatives below it, plus half the negatives equal to it. Integer and
  // half-integer counts, exact in a double, so the result is the rank form's to the last bit.
  let below = 0;
  let upTo = 0;
  let u = 0;
  for (let i = 0; i < positives; i++) {
    const x = pos[i]!;
    while (below < negatives && neg[below]! < x) {
      below++;
    }
    upTo = Math.max(upTo, below);
    while (upTo < negatives && neg[upTo]! <= x) {
      upTo++;
    }
    u += below + (upTo - below) / 2;
  }
  return u / (positives * negatives);
}

/**
 * Mean binary cross-entropy, probabilities clipped to [eps, 1 - eps] as scikit-learn does, over
 * the labelled rows with a probability (a NaN score, which scikit-learn refuses, is left out as
 * rocAuc leaves it out). Null on no such rows.
 */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>, eps = 1e-15): number | null {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const y = labels[i];
    if ((y !== 0 && y !== 1) || Number.isNaN(probabilities[i])) {
      continue;
    }
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i] as number));
    sum -= y === 1 ? Math.log(p) : Math.log(1 - p);
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** Share of rows labelled 1 among rows labelled 0 or 1. Null on no labels. */
export function positiveRate(labels: ArrayLike<number>): number | null {
  let positives = 0;
  let n = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 0 || labels[i] === 1) {
      n++;
      positives += labels[i] as number;
    }
  }
  return n === 0 ? null : positives / n;
}
