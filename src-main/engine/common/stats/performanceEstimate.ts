/**
 * Performance before labels, from the model's own probabilities (confidence-based estimation, the
 * idea of NannyML's CBPE). If a model is calibrated, a row it scores p is a positive with
 * probability p: over a window, the expected true positives above a threshold are the sum of p
 * there and the expected false positives the sum of 1 - p. The ROC those expected counts trace
 * over every threshold is the AUC's estimate; the expected share of right decisions at the
 * decision threshold is accuracy's. Both mean something only if the probabilities are
 * calibrated, which is checked on the reference, where labels are known.
 */
import { sortFloats } from './sortFloats';

/**
 * The expected ROC AUC of a window with no labels: the area under the curve of expected true
 * positive rate against expected false positive rate, thresholds at each distinct score (ties
 * move both rates together, a trapezoid). Non-finite scores and scores outside [0, 1] are skipped.
 * Null when every score is 0 or every score is 1 (one class is expected to be absent).
 */
export function estimatedAuc(scores: ArrayLike<number>): number | null {
  const sorted = sortFloats(probabilitiesOf(scores));
  let positives = 0;
  for (const p of sorted) {
    positives += p;
  }
  const negatives = sorted.length - positives;
  if (positives <= 0 || negatives <= 0) {
    return null;
  }
  let area = 0;
  let truePositives = 0;
  // From the highest score down: each group of equal scores is one step of the threshold.
  for (let end = sorted.length; end > 0;) {
    const value = sorted[end - 1]!;
    let start = end - 1;
    while (start > 0 && sorted[start - 1] === value) {
      start--;
    }
    const count = end - start;
    const groupPositives = value * count;
    const groupNegatives = count - groupPositives;
    area += groupNegatives * (truePositives + groupPositives / 2);
    truePositives += groupPositives;
    end = start;
  }
  return area / (positives * negatives);
}

/** The expected accuracy of a window with no labels: a row scored p is right with probability p when p >= threshold, else 1 - p. */
export function estimatedAccuracy(scores: ArrayLike<number>, threshold = 0.5): number | null {
  let right = 0;
  let rows = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i]!;
    if (p >= 0 && p <= 1) {
      right += p >= threshold ? p : 1 - p;
      rows++;
    }
  }
  return rows === 0 ? null : right / rows;
}

/** One bin of a reliability table: rows of similar score, their mean score and their positive rate. */
export interface CalibrationBin {
  readonly rows: number;
  readonly meanScore: number;
  readonly positiveRate: number;
}

/** How far a model's probabilities are from the positive rates they claim, on labelled rows. */
export interface Calibration {
  readonly bins: readonly CalibrationBin[];
  /** Expected calibration error: the rows-weighted mean |mean score - positive rate| over the bins. */
  readonly error: number;
  /** The error a perfectly calibrated model would show on this many rows by chance (its standard error, rows-weighted). */
  readonly noise: number;
  /** The largest error that still counts as calibrated: the tolerance plus twice the noise. */
  readonly bound: number;
  readonly calibrated: boolean;
}

/** Calibration error allowed beyond sampling noise: at most 0.02 in probability, bin by bin on average. */
export const CALIBRATION_TOLERANCE = 0.02;

/**
 * The reliability of labelled scores, in `binCount` bins of equal row count (by score): a model is
 * calibrated when its expected calibration error is within the tolerance plus twice what chance
 * alone would give on bins of this size. Rows without a 0/1 label or with a score outside [0, 1]
 * are skipped. Null when no row is usable.
 */
export function calibrationOf(scores: ArrayLike<number>, labels: ArrayLike<number>, binCount = 10, tolerance = CALIBRATION_TOLERANCE): Calibration | null {
  const pairs: { p: number; y: number }[] = [];
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i]!;
    const y = labels[i];
    if (p >= 0 && p <= 1 && (y === 0 || y === 1)) {
      pairs.push({ p, y });
    }
  }
  if (pairs.length === 0) {
    return null;
  }
  pairs.sort((a, b) => a.p - b.p);
  const bins: CalibrationBin[] = [];
  let error = 0;
  let noise = 0;
  const n = pairs.length;
  for (let b = 0; b < binCount; b++) {
    const from = Math.floor((b * n) / binCount);
    const to = Math.floor(((b + 1) * n) / binCount);
    if (to <= from) {
      continue;
    }
    let scoreSum = 0;
    let positives = 0;
    for (let i = from; i < to; i++) {
      scoreSum += pairs[i]!.p;
      positives += pairs[i]!.y;
    }
    const rows = to - from;
    const bin = { rows, meanScore: scoreSum / rows, positiveRate: positives / rows };
    bins.push(bin);
    error += (rows / n) * Math.abs(bin.meanScore - bin.positiveRate);
    noise += (rows / n) * Math.sqrt((bin.meanScore * (1 - bin.meanScore)) / rows);
  }
  const bound = tolerance + 2 * noise;
  return { bins, error, noise, bound, calibrated: error <= bound };
}

function probabilitiesOf(scores: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i]!;
    count += p >= 0 && p <= 1 ? 1 : 0;
  }
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i]!;
    if (p >= 0 && p <= 1) {
      out[k++] = p;
    }
  }
  return out;
}
