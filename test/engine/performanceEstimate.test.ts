import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { rocAuc } from '../../src-main/engine/common/stats/classification';
import { calibrationOf, estimatedAccuracy, estimatedAuc } from '../../src-main/engine/common/stats/performanceEstimate';
import { PYTHON } from '../support/python';

/** numpy's pairwise definition: every (positive mass of i) x (negative mass of j), ties half. */
function numpyEstimatedAuc(scores: number[]): number {
  const script = `
import json, sys, numpy as np
p = np.array(json.load(sys.stdin), dtype=np.float64)
gt = (p[:, None] > p[None, :]) + 0.5 * (p[:, None] == p[None, :])
print(repr(float((p[:, None] * (1 - p[None, :]) * gt).sum() / (p.sum() * (1 - p).sum()))))
`;
  const out = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(scores), encoding: 'utf8' });
  if (out.status !== 0) {
    throw new Error(out.stderr);
  }
  return Number(out.stdout.trim());
}

/** Scores from a logistic of a normal, labels drawn from each score: calibrated by construction. */
function calibratedSample(rows: number, seed: number): { scores: Float64Array; labels: Float64Array } {
  const rng = seededRng(seed);
  const scores = new Float64Array(rows);
  const labels = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    scores[i] = 1 / (1 + Math.exp(-(1.2 * z - 1.4)));
    labels[i] = rng.next() < scores[i]! ? 1 : 0;
  }
  return { scores, labels };
}

describe('performance estimated before labels', () => {
  it('is the pairwise expected AUC numpy computes, with ties, zeros and ones', () => {
    const rng = seededRng(11);
    const scores = Array.from({ length: 400 }, () => Math.round(rng.next() * 40) / 40);
    scores.push(0, 0, 1, 1, 0.5);
    expect(estimatedAuc(scores)).toBeCloseTo(numpyEstimatedAuc(scores), 12);
    // Skips what is not a probability.
    expect(estimatedAuc([...scores, Number.NaN, 1.5, -0.2])).toBe(estimatedAuc(scores));
  });

  it('has no AUC when one class is expected to be absent', () => {
    expect(estimatedAuc([0, 0, 0])).toBeNull();
    expect(estimatedAuc([1, 1])).toBeNull();
    expect(estimatedAuc([])).toBeNull();
    expect(estimatedAccuracy([])).toBeNull();
  });

  it('matches the realised AUC and accuracy of a calibrated model within their sampling error', () => {
    for (const seed of [1, 2, 3]) {
      const { scores, labels } = calibratedSample(20_000, seed);
      const realisedAuc = rocAuc(scores, labels)!;
      let right = 0;
      for (let i = 0; i < scores.length; i++) {
        right += (scores[i]! >= 0.5 ? 1 : 0) === labels[i] ? 1 : 0;
      }
      // At 20k rows the AUC's standard error is under 0.005 and accuracy's under 0.0035.
      expect(Math.abs(estimatedAuc(scores)! - realisedAuc)).toBeLessThan(0.015);
      expect(Math.abs(estimatedAccuracy(scores)! - right / scores.length)).toBeLessThan(0.0105);
    }
  });

  it('calls a calibrated model calibrated and a distorted one not, with the bins to show it', () => {
    const { scores, labels } = calibratedSample(20_000, 5);
    const calibrated = calibrationOf(scores, labels)!;
    expect(calibrated.calibrated).toBe(true);
    expect(calibrated.bins).toHaveLength(10);
    expect(calibrated.bins.reduce((n, b) => n + b.rows, 0)).toBe(20_000);
    // The same ranking, overconfident: the AUC is unchanged, the probabilities are not.
    const distorted = scores.map((p) => p ** 0.4);
    const check = calibrationOf(distorted, labels)!;
    expect(check.calibrated).toBe(false);
    expect(check.error).toBeGreaterThan(check.bound);
    expect(calibrationOf([0.5], [2])).toBeNull();
  });
});
