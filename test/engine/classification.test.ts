import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { logLoss, positiveRate, rocAuc } from '../../src-main/engine/common/stats/classification';
import { quantileSorted } from '../../src-main/engine/common/stats/quantiles';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { PYTHON } from '../support/python';

/** The same statistics computed by scipy/numpy from their textbook definitions. */
function reference(scores: number[], labels: number[]): { auc: number; logLoss: number; q: number[] } {
  const script = `
import json, sys, numpy as np
from scipy.stats import mannwhitneyu
d = json.load(sys.stdin); s = np.array(d['s']); y = np.array(d['y'])
u = mannwhitneyu(s[y == 1], s[y == 0]).statistic
p = np.clip(s, 1e-15, 1 - 1e-15)
print(json.dumps({'auc': u / ((y == 1).sum() * (y == 0).sum()), 'logLoss': float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))), 'q': np.quantile(np.sort(s), [0.1, 0.5, 0.99]).tolist()}))`;
  const out = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify({ s: scores, y: labels }), encoding: 'utf8' });
  if (out.status !== 0) {
    throw new Error(out.stderr);
  }
  return JSON.parse(out.stdout) as { auc: number; logLoss: number; q: number[] };
}

describe('classification metrics', () => {
  it('match scipy and numpy on scores with ties', () => {
    const rng = seededRng(3);
    const labels = Array.from({ length: 2000 }, () => (rng.next() < 0.3 ? 1 : 0));
    // Rounded scores make many ties, where a rank AUC must average ranks.
    const scores = labels.map((y) => Math.round((0.3 * y + rng.next() * 0.7) * 50) / 50);
    const ref = reference(scores, labels);
    expect(rocAuc(scores, labels)).toBeCloseTo(ref.auc, 12);
    expect(logLoss(scores, labels)).toBeCloseTo(ref.logLoss, 10);
    const sorted = [...scores].sort((a, b) => a - b);
    expect([0.1, 0.5, 0.99].map((q) => quantileSorted(sorted, q))).toEqual(ref.q.map((v) => expect.closeTo(v, 12)));
  });

  it('skips unlabelled rows and is undefined with one class', () => {
    expect(rocAuc([0.1, 0.9, 0.5], [0, 1, Number.NaN])).toBe(1);
    expect(rocAuc([0.1, 0.9], [1, 1])).toBeNull();
    expect(logLoss([0.5], [Number.NaN])).toBeNull();
    expect(positiveRate([1, 0, Number.NaN, 1])).toBeCloseTo(2 / 3, 15);
  });
});
