/**
 * The sampling error of an AUC measured on a finite labelled sample: Hanley and McNeil (1982),
 * "The meaning and use of the area under a ROC curve", equation 2, with Q1 = A / (2 - A) and
 * Q2 = 2A² / (1 + A). It is how far a labelled window's own AUC wanders by chance, the yardstick
 * an estimate of that AUC is judged beside.
 */
export function hanleyMcNeilStandardError(auc: number, positives: number, negatives: number): number | null {
  if (!(auc >= 0 && auc <= 1) || positives <= 0 || negatives <= 0) {
    return null;
  }
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives);
  return Math.sqrt(Math.max(0, variance));
}
