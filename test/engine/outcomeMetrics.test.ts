import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { outcomeMetrics } from '../../src-main/engine/common/stats/outcomeMetrics';
import { PYTHON } from '../support/python';

/** The same figures from their textbook definitions in numpy. */
function reference(p: number[], y: number[], threshold: number): Record<string, number> {
  const script = `
import json, sys, numpy as np
d = json.load(sys.stdin); p = np.array(d['p']); y = np.array(d['y']); t = d['t']
yhat = p >= t
tp = np.sum(yhat & (y == 1)); fp = np.sum(yhat & (y == 0)); fn = np.sum(~yhat & (y == 1)); tn = np.sum(~yhat & (y == 0))
b = np.minimum((p * 10).astype(int), 9)
ece = sum(np.mean(b == k) * abs(np.mean(y[b == k]) - np.mean(p[b == k])) for k in range(10) if np.any(b == k))
print(json.dumps({'precision': tp / (tp + fp), 'recall': tp / (tp + fn), 'falsePositiveRate': fp / (fp + tn), 'brier': float(np.mean((p - y) ** 2)), 'ece': float(ece)}))`;
  const out = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify({ p, y, t: threshold }), encoding: 'utf8' });
  if (out.status !== 0) {
    throw new Error(out.stderr);
  }
  return JSON.parse(out.stdout) as Record<string, number>;
}

describe('outcome metrics of a window (layers 3 and 4)', () => {
  it('match numpy on the textbook definitions', () => {
    const rng = seededRng(11);
    const p = Array.from({ length: 3000 }, () => rng.next());
    // Labels drawn from a miscalibrated model: the truth is p squared.
    const y = p.map((x) => (rng.next() < x * x ? 1 : 0));
    const ref = reference(p, y, 0.5);
    const ours = outcomeMetrics(p, y, 0.5);
    for (const key of ['precision', 'recall', 'falsePositiveRate', 'brier', 'ece'] as const) {
      expect(ours[key]).toBeCloseTo(ref[key]!, 12);
    }
    // A miscalibrated model shows it: p^2 truth against p predicted is off by about 1/6 on average.
    expect(ours.ece!).toBeGreaterThan(0.1);
  });

  it('skips unlabelled and non-finite rows, and says null where a denominator is empty', () => {
    expect(outcomeMetrics([0.9, 0.2, Number.NaN, 0.7], [1, 0, 1, Number.NaN], 0.5)).toEqual({
      precision: 1,
      recall: 1,
      falsePositiveRate: 0,
      brier: (0.01 + 0.04) / 2,
      ece: expect.closeTo(0.15, 12),
    });
    expect(outcomeMetrics([0.1, 0.2], [0, 0], 0.5)).toMatchObject({ precision: null, recall: null, falsePositiveRate: 0 });
    expect(outcomeMetrics([], [], 0.5)).toEqual({ precision: null, recall: null, falsePositiveRate: null, brier: null, ece: null });
  });
});
