/** Outcome metrics of a probabilistic classifier, as scikit-learn defines them. */

/**
 * ROC AUC by ranks (Mann-Whitney U), ties given their average rank, as
 * `sklearn.metrics.roc_auc_score`. Labels are 1 (positive) or 0; others are skipped.
 * Null when one class is absent (AUC is undefined then).
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if ((labels[i] === 0 || labels[i] === 1) && Number.isFinite(scores[i])) {
      idx.push(i);
    }
  }
  idx.sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let rankSumPositive = 0;
  for (let start = 0; start < idx.length; ) {
    let end = start;
    while (end + 1 < idx.length && scores[idx[end + 1]!] === scores[idx[start]!]) {
      end++;
    }
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[idx[k]!] === 1) {
        positives++;
        rankSumPositive += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = idx.length - positives;
  if (positives === 0 || negatives === 0) {
    return null;
  }
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean binary cross-entropy, probabilities clipped to [eps, 1 - eps] as scikit-learn does. Null on no labels. */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>, eps = 1e-15): number | null {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) {
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
