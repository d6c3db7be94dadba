import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { mannWhitneyU } from '../../../src-main/engine/common/stats/mannWhitney';
import { judgeMetric, judgeScore } from '../../../src-main/engine/common/rollout/judge';
import { PYTHON } from '../../support/python';

/** scipy's answers for every case, in one Python start. */
function scipy(cases: { x: number[]; y: number[] }[]): { u: number; p: number }[] {
  const script = `
import json, sys
from scipy.stats import mannwhitneyu
out = []
for d in json.load(sys.stdin):
    r = mannwhitneyu(d['x'], d['y'], method='asymptotic')
    out.append({'u': float(r.statistic), 'p': float(r.pvalue)})
print(json.dumps(out))`;
  const out = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
  if (out.status !== 0) {
    throw new Error(out.stderr);
  }
  return JSON.parse(out.stdout) as { u: number; p: number }[];
}

const CASES = [
  ['continuous, shifted', 0.3, 400, 300, 1000],
  ['heavy ties', 0, 200, 250, 5],
  ['tiny p-value', 2, 500, 500, 1000],
] as const;
const SAMPLES = CASES.map(([, shift, n1, n2, levels]) => {
  const rng = seededRng(5);
  const draw = (s: number) => Math.round((rng.next() + rng.next() + rng.next() + s) * levels) / levels;
  return { x: Array.from({ length: n1 }, () => draw(shift)), y: Array.from({ length: n2 }, () => draw(0)) };
});
const REFERENCE = scipy(SAMPLES);

describe('Mann-Whitney U', () => {
  it.each(CASES.map(([name], i) => [name, i] as const))('matches scipy asymptotic on %s', (_name, i) => {
    const { x, y } = SAMPLES[i]!;
    const ours = mannWhitneyU(x, y)!;
    const ref = REFERENCE[i]!;
    expect(ours.u).toBe(ref.u);
    expect(ours.pValue).toBeCloseTo(ref.p, 12);
    if (ref.p > 1e-300) {
      expect(Math.abs(ours.pValue - ref.p) / ref.p).toBeLessThan(1e-9);
    }
  });
});

describe('statistical judge', () => {
  it('fails latency that rises, passes a shift in the harmless direction, and scores like Kayenta', () => {
    const rng = seededRng(9);
    const blue = Array.from({ length: 300 }, () => 5 + rng.next());
    const slower = Array.from({ length: 300 }, () => 6 + rng.next());
    const faster = Array.from({ length: 300 }, () => 4 + rng.next());
    const up = judgeMetric('p99', blue, slower, 'increase');
    const down = judgeMetric('p99', blue, faster, 'increase');
    expect(up).toMatchObject({ classification: 'high', failed: true });
    expect(down).toMatchObject({ classification: 'low', failed: false });
    expect(judgeMetric('x', [1, 2], [3, 4], 'either').classification).toBe('nodata');
    expect(judgeScore([up, down])).toBe(50);
  });
});
