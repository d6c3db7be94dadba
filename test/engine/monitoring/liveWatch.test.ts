/**
 * LiveWatch, the server's layer 2 and 3 figures, against numpy computing the seed's PSI
 * on the reference's edges plus an open bin each side; the window sliding; nulls, out-of-range
 * values and unseen categories counted.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LiveWatch } from '../../../src-main/engine/common/monitoring/liveWatch';
import { numericProfile, type ReferenceProfile } from '../../../src-main/engine/common/model/referenceProfile';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { PYTHON } from '../../support/python';

const rng = seededRng(3);
const training = Array.from({ length: 5000 }, () => rng.next() * 100);
const predictions = Array.from({ length: 5000 }, () => rng.next() * 0.5);
const REFERENCE: ReferenceProfile = {
  schemaVersion: 1,
  model: 'm',
  window: { from: '2001-01-01T00:00:00', to: '2001-02-01T00:00:00', rows: 5000 },
  features: [
    { name: 'x', profile: numericProfile(training) },
    { name: 'c', profile: { kind: 'categorical', count: 5000, nulls: 0, counts: { '0': 2500, '1': 1500, '2': 1000 } } },
  ],
  prediction: numericProfile(predictions),
  label: { labelled: 5000, positiveRate: 0.2 },
};

/** The seed's compute_psi on fixed bins: the reference's edges with an open bin below and above. */
function numpyPsi(expected: number[], edges: number[], actual: number[]): number {
  const script = `
import json, sys, numpy as np
d = json.load(sys.stdin)
edges = np.array([-np.inf] + d['edges'] + [np.inf])
e = np.array([0] + d['expected'] + [0], dtype=np.float64) / sum(d['expected'])
a = np.histogram(np.array(d['actual']), edges)[0] / len(d['actual'])
e = np.clip(e, 1e-4, None); a = np.clip(a, 1e-4, None)
print(json.dumps(float(np.sum((a - e) * np.log(a / e)))))`;
  const out = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify({ expected, edges, actual }), encoding: 'utf8' });
  if (out.status !== 0) {
    throw new Error(out.stderr);
  }
  return JSON.parse(out.stdout) as number;
}

function rows(x: readonly number[], c: readonly number[]): Float64Array {
  return Float64Array.from(x.flatMap((v, i) => [v, c[i]!]));
}

describe('LiveWatch', () => {
  const profile = REFERENCE.features[0]!.profile as Extract<ReferenceProfile['features'][number]['profile'], { kind: 'numeric' }>;

  it('computes PSI as numpy does on the reference edges, open at both ends', () => {
    const watch = new LiveWatch(REFERENCE, { windowRows: 400, minRows: 100 });
    // Half in range, a quarter below the reference minimum, a quarter above its maximum.
    const x = Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? -5 - i : i % 4 === 1 ? 120 + i : (i * 37) % 100));
    const scores = Array.from({ length: 400 }, (_, i) => (i % 10) / 10);
    watch.observe(
      rows(
        x,
        x.map(() => 0),
      ),
      400,
      Float32Array.from(scores),
    );
    const figures = watch.figures();
    expect(figures.features[0]!.psi).toBeCloseTo(numpyPsi(profile.histogram.counts, profile.histogram.edges, x), 9);
    expect(figures.features[0]!.outOfRangeRatio).toBe(0.5);
    const p = REFERENCE.prediction;
    expect(figures.prediction.psi).toBeCloseTo(numpyPsi(p.histogram.counts, p.histogram.edges, Array.from(Float32Array.from(scores))), 9);
    expect(figures.prediction.mean).toBeCloseTo(0.45, 6);
  });

  it('has no PSI below minRows, counts nulls, and counts categories the reference never saw', () => {
    const watch = new LiveWatch(REFERENCE, { windowRows: 1000, minRows: 100 });
    watch.observe(rows([1, Number.NaN, 3, 4], [0, 1, 7, Number.NaN]), 4, Float32Array.from([0.1, 0.2, 0.3, 0.4]));
    const [x, c] = watch.figures().features;
    expect(x).toEqual({ name: 'x', psi: null, nullRatio: 0.25, outOfRangeRatio: 0, unseenRatio: null });
    expect(c).toMatchObject({ name: 'c', psi: null, nullRatio: 0.25, outOfRangeRatio: null });
    expect(c!.unseenRatio).toBeCloseTo(1 / 3, 12);
  });

  it('slides: once the window is full, only the newest rows count', () => {
    const watch = new LiveWatch(REFERENCE, { windowRows: 200, minRows: 100 });
    const drifted = Array.from({ length: 200 }, () => 500);
    watch.observe(
      rows(
        drifted,
        drifted.map(() => 0),
      ),
      200,
      new Float32Array(200).fill(0.9),
    );
    expect(watch.figures().features[0]!.psi).toBeGreaterThan(5);
    const calm = training.slice(0, 200);
    watch.observe(
      rows(
        calm,
        calm.map((_, i) => i % 3),
      ),
      200,
      Float32Array.from(predictions.slice(0, 200)),
    );
    const figures = watch.figures();
    expect(figures.rows).toBe(200);
    expect(figures.features[0]!.psi).toBeCloseTo(numpyPsi(profile.histogram.counts, profile.histogram.edges, calm), 9);
    expect(figures.features[0]!.psi).toBeLessThan(0.25);
    expect(figures.features[0]!.outOfRangeRatio).toBe(0);
  });
});
