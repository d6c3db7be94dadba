/**
 * How far two runtimes' scores for the same rows are apart: the largest and mean absolute
 * difference, and the decision flips at the model's threshold (a row is positive when its score
 * is at or above the threshold). A flip is what a user sees; a difference below every threshold
 * crossing is not.
 */

import type { ScorePair, ScoreParity } from '../../../contract/events/dependencies';

export type { ScorePair, ScoreParity } from '../../../contract/events/dependencies';

const EXAMPLES = 5;

/** Compares `candidate` with `reference`, row by row. */
export function compareScores(reference: ArrayLike<number>, candidate: ArrayLike<number>, threshold: number): ScoreParity {
  if (reference.length !== candidate.length) {
    throw new Error(`expected the same number of scores from both runtimes, got ${reference.length} and ${candidate.length}`);
  }
  let sum = 0;
  let finite = 0;
  let flips = 0;
  let nonFinite = 0;
  let worst: ScorePair | null = null;
  const flipExamples: ScorePair[] = [];
  for (let row = 0; row < reference.length; row++) {
    const a = reference[row]!;
    const b = candidate[row]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      // Two runtimes that both answer NaN (or the same infinity) for a row agree on it. A
      // non-finite score is written as null: the log is JSON, where NaN has no spelling.
      nonFinite += 1;
      if (!Object.is(a, b)) {
        flips += 1;
        if (flipExamples.length < EXAMPLES) {
          flipExamples.push({ row, reference: Number.isFinite(a) ? a : null, candidate: Number.isFinite(b) ? b : null });
        }
      }
      continue;
    }
    const diff = Math.abs(a - b);
    finite += 1;
    sum += diff;
    if (worst === null || diff > Math.abs(worst.reference! - worst.candidate!)) {
      worst = { row, reference: a, candidate: b };
    }
    if (a >= threshold !== b >= threshold) {
      flips += 1;
      if (flipExamples.length < EXAMPLES) {
        flipExamples.push({ row, reference: a, candidate: b });
      }
    }
  }
  return {
    rows: reference.length,
    maxAbsDiff: worst === null ? 0 : Math.abs(worst.reference! - worst.candidate!),
    meanAbsDiff: finite === 0 ? 0 : sum / finite,
    flips,
    flipRate: reference.length === 0 ? 0 : flips / reference.length,
    nonFinite,
    worst,
    flipExamples,
  };
}
