import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { equalWidthHistogram } from '../../src-main/engine/common/stats/histogram';
import { PYTHON } from '../support/python';

/** numpy's own counts of the same float64 values, and how many fell outside the range. */
function numpyHistogram(values: number[], lo: number, hi: number, bins: number): { counts: number[]; outside: number } {
  const script = `
import json, sys, numpy as np
d = json.load(sys.stdin); a = np.array(d['v'], dtype=np.float64)
counts, _ = np.histogram(a[np.isfinite(a)], bins=d['bins'], range=(d['lo'], d['hi']))
print(json.dumps({'counts': counts.tolist(), 'outside': int(len(a) - counts.sum())}))`;
  const out = spawnSync(PYTHON, ['-c', script], {
    input: JSON.stringify({ v: values.map((v) => (Number.isFinite(v) ? v : null)), lo, hi, bins }).replace(/null/g, 'NaN'),
    encoding: 'utf8',
  });
  if (out.status !== 0) {
    throw new Error(out.stderr);
  }
  return JSON.parse(out.stdout) as { counts: number[]; outside: number };
}

describe('equal-width histogram', () => {
  it('counts as np.histogram does, including values on and one ulp around every edge', () => {
    const rng = seededRng(11);
    const values = Array.from({ length: 5000 }, () => rng.next());
    // Values on the edges numpy computes (i * 0.05), and the float32 neighbours a model outputs.
    for (let i = 0; i <= 20; i++) {
      const edge = i * 0.05;
      values.push(edge, Math.fround(edge), edge + Number.EPSILON, edge - Number.EPSILON / 2);
    }
    values.push(0.15, 0.3, 0.35, 0.55, 0.6, 0.85, 1, 0, -0.01, 1.01, Number.NaN);
    const ours = equalWidthHistogram(values, 0, 1, 20);
    expect(ours).toEqual(numpyHistogram(values, 0, 1, 20));
    // The case a plain floor((x - lo) / width) gets wrong: 0.15 is below numpy's third edge.
    expect(equalWidthHistogram([0.15], 0, 1, 20).counts[2]).toBe(1);
  });

  it('matches numpy on an odd range and bin count', () => {
    const rng = seededRng(5);
    const values = Array.from({ length: 3000 }, () => -3 + rng.next() * 10);
    expect(equalWidthHistogram(values, -2.5, 6.1, 7)).toEqual(numpyHistogram(values, -2.5, 6.1, 7));
  });

  it('refuses a range or bin count that defines no bins', () => {
    expect(() => equalWidthHistogram([1], 1, 1, 10)).toThrow(RangeError);
    expect(() => equalWidthHistogram([1], 0, 1, 0)).toThrow(RangeError);
  });
});
