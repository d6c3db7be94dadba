/** Performance before labels in the replay: the estimate of a window, set beside its labels, tallied per model. */
import { describe, expect, it } from 'vitest';
import {
  EstimateTally,
  estimateCalibrationOf,
  labelledEstimateOf,
  roundedEstimate,
  windowEstimateOf,
} from '../../../src-main/engine/common/replay/performanceEstimates';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { hanleyMcNeilStandardError } from '../../../src-main/engine/common/stats/aucStandardError';
import { rocAuc } from '../../../src-main/engine/common/stats/classification';

/** Scores spread over (0, 1), labels drawn from each score (calibrated) or from its square (overconfident). */
function sample(rows: number, seed: number, truth: (p: number) => number): { scores: Float64Array; labels: Float64Array } {
  const rng = seededRng(seed);
  const scores = Float64Array.from({ length: rows }, () => 0.05 + 0.9 * rng.next());
  const labels = Float64Array.from(scores, (p) => (rng.next() < truth(p) ? 1 : 0));
  return { scores, labels };
}

describe('hanleyMcNeilStandardError', () => {
  it('matches Hanley and McNeil (1982) equation 2, computed independently in Python', () => {
    // python: q1 = A/(2-A); q2 = 2A²/(1+A); sqrt((A(1-A) + (p-1)(q1-A²) + (n-1)(q2-A²)) / (p n))
    expect(hanleyMcNeilStandardError(0.75, 40, 160)).toBeCloseTo(0.04747826100287524, 12);
    expect(hanleyMcNeilStandardError(0.9, 10, 90)).toBeCloseTo(0.06631446038008902, 12);
  });
  it('shrinks with more labelled rows, and is null without both classes', () => {
    expect(hanleyMcNeilStandardError(0.75, 400, 1600)!).toBeLessThan(hanleyMcNeilStandardError(0.75, 40, 160)! / 3);
    expect(hanleyMcNeilStandardError(0.75, 0, 10)).toBeNull();
    expect(hanleyMcNeilStandardError(Number.NaN, 5, 10)).toBeNull();
  });
});

describe('estimateCalibrationOf', () => {
  it('passes calibrated probabilities and fails overconfident ones, with the rows it used', () => {
    const calibrated = sample(20_000, 3, (p) => p);
    const overconfident = sample(20_000, 3, (p) => p * p);
    const ok = estimateCalibrationOf(calibrated.scores, calibrated.labels)!;
    const bad = estimateCalibrationOf(overconfident.scores, overconfident.labels)!;
    expect(ok).toMatchObject({ calibrated: true, rows: 20_000 });
    expect(ok.error).toBeLessThanOrEqual(ok.bound);
    expect(bad.calibrated).toBe(false);
    expect(bad.error).toBeGreaterThan(bad.bound);
  });
  it('skips rows without a label or a score, and is null when none is usable', () => {
    const c = estimateCalibrationOf([0.2, Number.NaN, 0.7, 0.4], [0, 1, Number.NaN, 1])!;
    expect(c.rows).toBe(2);
    expect(estimateCalibrationOf([Number.NaN], [1])).toBeNull();
  });
});

describe('a window estimated, then labelled', () => {
  it('sets the estimate beside the realised accuracy at the threshold and the AUC sampling error of the labelled rows', () => {
    const predictions = [0.9, 0.8, 0.3, 0.6, 0.1, Number.NaN];
    const labels = [1, 0, 0, 1, Number.NaN, 1];
    const estimate = windowEstimateOf(predictions, 0.5);
    const auc = rocAuc(Float64Array.from(predictions), Float64Array.from(labels))!;
    const labelled = labelledEstimateOf(estimate, predictions, labels, 0.5, auc);
    // Labelled and scored: 0.9/1 right, 0.8/0 wrong, 0.3/0 right, 0.6/1 right.
    expect(labelled.realisedAccuracy).toBe(0.75);
    expect(labelled.aucStandardError).toBeCloseTo(hanleyMcNeilStandardError(auc, 2, 2)!, 12);
    expect(labelled.auc).toBe(estimate.auc);
    expect(labelled.accuracy).toBe(estimate.accuracy);
  });
  it('tallies the mean absolute error of the estimates over labelled windows, beside the mean sampling error', () => {
    const tally = new EstimateTally(true);
    tally.add({ auc: 0.7, aucStandardError: 0.04, accuracy: 0.8, realisedAccuracy: 0.75 }, 0.72);
    tally.add({ auc: 0.7, aucStandardError: 0.06, accuracy: 0.8, realisedAccuracy: 0.9 }, 0.66);
    tally.add({ auc: null, aucStandardError: null, accuracy: null, realisedAccuracy: null }, 0.7);
    expect(tally.summary()).toEqual({ calibrated: true, windows: 2, aucMae: 0.03, accuracyMae: 0.075, aucStandardError: 0.05 });
    expect(new EstimateTally(false).summary()).toEqual({ calibrated: false, windows: 0, aucMae: null, accuracyMae: null, aucStandardError: null });
  });
  it('estimates close to the realised AUC on calibrated windows, within their sampling error', () => {
    const tally = new EstimateTally(true);
    for (let seed = 1; seed <= 40; seed++) {
      const w = sample(500, seed, (p) => p);
      const estimate = windowEstimateOf(w.scores, 0.5);
      const auc = rocAuc(w.scores, w.labels);
      tally.add(labelledEstimateOf(estimate, w.scores, w.labels, 0.5, auc), auc);
    }
    const summary = tally.summary();
    expect(summary.windows).toBe(40);
    expect(summary.aucMae!).toBeLessThan(summary.aucStandardError!);
  });
  it('rounds what an event carries to 4 significant figures', () => {
    expect(roundedEstimate({ auc: 0.123456, accuracy: null })).toEqual({ auc: 0.1235, accuracy: null });
  });
});
