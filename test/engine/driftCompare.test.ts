/**
 * The drift comparison around the statistics: statuses and bands, "insufficient data" instead
 * of a number that means nothing, the column-kind rules, and the sample forms the statistics
 * read (numpy's edge placement, run-length samples, what is left out).
 */
import { describe, expect, it } from 'vitest';
import { columnKind } from '../../src-main/engine/common/drift/columnKind';
import { compareCategorical } from '../../src-main/engine/common/drift/compareCategorical';
import { compareNumeric } from '../../src-main/engine/common/drift/compareNumeric';
import { DEFAULT_DRIFT_OPTIONS } from '../../src-main/engine/common/drift/driftOptions';
import { missingFeature } from '../../src-main/engine/common/drift/missingFeature';
import { numericColumnSide, numericSide } from '../../src-main/engine/common/drift/numericSide';
import { textColumnSide } from '../../src-main/engine/common/drift/categorySide';
import { equalWidthPsi } from '../../src-main/engine/common/stats/equalWidthPsi';
import { linspace } from '../../src-main/engine/common/stats/histogram';
import { histogramCounts } from '../../src-main/engine/common/stats/sampleHistogram';
import { psiBand } from '../../src-main/engine/common/stats/psiBands';
import { quantileEdges } from '../../src-main/engine/common/stats/quantilePsi';
import { countAtMost, countBelow, runLength, sampleQuantile, sortedSample } from '../../src-main/engine/common/stats/sortedSample';

const options = DEFAULT_DRIFT_OPTIONS;

describe('sorted samples and numpy-style bins', () => {
  it('keeps finite values once each with running counts, and counts by binary search', () => {
    const s = sortedSample([3, 1, Number.NaN, 2, 2, Number.POSITIVE_INFINITY, 1, 2]);
    expect([...s.values]).toEqual([1, 2, 3]);
    expect([...s.cumulative]).toEqual([2, 5, 6]);
    expect(s.n).toBe(6);
    expect([countBelow(s, 2), countAtMost(s, 2), countBelow(s, 0), countAtMost(s, 9)]).toEqual([2, 5, 0, 6]);
    expect([0, 0.5, 1].map((q) => sampleQuantile(s, q))).toEqual([1, 2, 3]);
    expect(sampleQuantile(sortedSample([]), 0.5)).toBeNull();
  });

  it('refuses values that are not ascending or not finite, and merges value/count pairs', () => {
    expect(() => runLength(Float64Array.from([1, 3, 2]), null)).toThrow('expected ascending finite values');
    expect(() => runLength(Float64Array.from([1, Number.NaN]), null)).toThrow('expected ascending finite values');
    expect(() => runLength(Float64Array.from([1, 2]), [1, -1])).toThrow('expected a count');
    const merged = runLength(Float64Array.from([1, 1, 2, 5]), [2, 3, 0, 1]);
    expect([[...merged.values], [...merged.cumulative], merged.n]).toEqual([[1, 5], [5, 6], 6]);
  });

  it('places edge values as np.histogram does: half-open bins, the last one closed', () => {
    const edges = linspace(0, 1, 5);
    expect([...edges]).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // 0.25 opens the second bin; 1 (the maximum) closes the last; values outside are not counted.
    expect([...histogramCounts(sortedSample([0, 0.25, 0.5, 0.7499, 1, 1.5, -1]), edges)]).toEqual([1, 1, 2, 1]);
    // A constant sample: every edge is the constant and numpy counts it in the last bin.
    expect([...histogramCounts(sortedSample([2, 2, 2]), linspace(2, 2, 4))]).toEqual([0, 0, 3]);
  });

  it('uses the last edge exactly as linspace does, not lo + bins * step', () => {
    const edges = linspace(0.1, 0.7, 4);
    expect(edges[3]).toBe(0.7);
    expect(edges[2]).toBe(2 * ((0.7 - 0.1) / 3) + 0.1);
    // A range so small the step underflows: numpy divides first.
    expect([...linspace(0, 5e-324, 3)]).toEqual([0, 0, 5e-324]);
  });

  it('merges repeated quantile edges and opens the outer bins', () => {
    const edges = quantileEdges(sortedSample([1, 1, 1, 1, 1, 1, 2, 3]), 4);
    expect([...edges]).toEqual([Number.NEGATIVE_INFINITY, 1, 1.25, Number.POSITIVE_INFINITY]);
  });

  it('has no PSI where the joint range overflows float64', () => {
    expect(equalWidthPsi(sortedSample([-1e308]), sortedSample([1e308]))).toBeNull();
  });
});

describe('bands', () => {
  it('reads the seed ranges: < 0.1 stable, 0.1-0.25 investigate, > 0.25 retrain', () => {
    expect([0, 0.0999, 0.1, 0.25, 0.2501].map((p) => psiBand(p))).toEqual(['stable', 'stable', 'investigate', 'investigate', 'retrain']);
    expect(psiBand(0.15, { investigate: 0.2, retrain: 0.3 })).toBe('stable');
  });
});

describe('comparing a numeric feature', () => {
  const reference = numericSide(Float64Array.from({ length: 1000 }, (_, i) => i % 100));

  it('reports every statistic with its n, and what was left out beside it', () => {
    const values = Float64Array.from([5, 50, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 120, 0]);
    const valid = Uint8Array.from([1, 1, 1, 1, 1, 1, 0]);
    const current = numericColumnSide({ kind: 'number', values, valid });
    const d = compareNumeric('x', reference, current, options);
    expect(d).toMatchObject({ kind: 'numeric', n: { reference: 1000, current: 3 }, rows: { reference: 1000, current: 7 }, ksMethod: 'exact' });
    expect(d.leftOut.current).toEqual({ null: 1, nan: 1, infinity: 2, notNumeric: 0 });
    expect(d.nullRate.current).toBeCloseTo(1 / 7, 15);
    expect(d.outOfRangeShare).toBeCloseTo(1 / 3, 15);
    expect(d.status).toBe(d.psi! > 0.25 ? 'retrain' : d.psi! >= 0.1 ? 'investigate' : 'stable');
  });

  it('says "insufficient data" for an empty or all-null side, or fewer values than asked for', () => {
    const allNull = numericColumnSide({ kind: 'number', values: new Float64Array(4).fill(Number.NaN), valid: new Uint8Array(4) });
    expect(compareNumeric('x', reference, allNull, options)).toMatchObject({
      status: 'insufficient-data',
      reason: 'no usable values in the current sample',
      psi: null,
      ks: null,
      ksPValue: null,
      wasserstein: null,
      nullRate: { current: 1 },
    });
    expect(compareNumeric('x', numericSide([]), reference, options)).toMatchObject({
      status: 'insufficient-data',
      reason: 'no usable values in the reference',
      nullRate: { reference: null },
    });
    const few = numericSide([1, 2, 3]);
    expect(compareNumeric('x', reference, few, { ...options, minN: 50 })).toMatchObject({
      status: 'insufficient-data',
      reason: '3 usable values in the current sample, fewer than 50',
    });
  });

  it('gives defined numbers for one value and for constants', () => {
    const one = compareNumeric('x', numericSide([7]), numericSide([7]), options);
    expect(one).toMatchObject({ status: 'stable', psi: 0, ks: 0, ksPValue: 1, wasserstein: 0, outOfRangeShare: 0 });
    const apart = compareNumeric('x', numericSide([7, 7, 7]), numericSide([9, 9]), options);
    expect(apart).toMatchObject({ status: 'retrain', ks: 1, wasserstein: 2, outOfRangeShare: 1 });
  });

  it('bins on the reference quantiles when asked', () => {
    const d = compareNumeric('x', reference, numericSide([1, 2, 3]), { ...options, binning: 'quantile', bins: 4 });
    expect(d).toMatchObject({ binning: 'quantile', bins: 4 });
    expect(d.psi).toBeGreaterThan(0.25);
  });
});

describe('comparing a categorical feature', () => {
  it('counts nulls apart and reports chi-squared, Jensen-Shannon, PSI and the unseen share', () => {
    const reference = textColumnSide({ kind: 'text', values: ['SFO', 'LAX', 'SFO', null] });
    const current = textColumnSide({ kind: 'text', values: ['SFO', 'JFK', null, null] });
    const d = compareCategorical('origin', reference, current, options);
    expect(d).toMatchObject({
      n: { reference: 3, current: 2 },
      nullRate: { reference: 0.25, current: 0.5 },
      unseenShare: 0.5,
      categories: { reference: 2, current: 2 },
      chi2Dof: 2,
    });
    expect(d.jsd).toBeGreaterThan(0);
    expect(d.status).toBe('retrain');
  });

  it('says "insufficient data" when a side has only nulls', () => {
    const reference = textColumnSide({ kind: 'text', values: ['a'] });
    const current = textColumnSide({ kind: 'text', values: [null, null] });
    expect(compareCategorical('c', reference, current, options)).toMatchObject({
      status: 'insufficient-data',
      chi2: null,
      jsd: null,
      unseenShare: null,
      psi: null,
    });
  });

  it('marks a column one side lacks as missing (a schema break)', () => {
    expect(missingFeature('distance', 'numeric', 'current', { reference: 10, current: 8 }, options)).toMatchObject({
      status: 'missing',
      reason: 'column missing from the current sample (schema break)',
      kind: 'numeric',
      psi: null,
      ks: null,
    });
  });
});

describe('column kinds', () => {
  const ask = (typeClass: 'number' | 'text' | 'boolean' | 'temporal' | 'other', extra: Partial<Parameters<typeof columnKind>[0]> = {}) =>
    columnKind({ typeClass, distinct: null, named: false, forceCategorical: false, forceNumeric: false, ...extra });

  it('follows the issue: text and booleans categorical, numbers categorical at 20 distinct values or fewer', () => {
    expect(ask('text')).toEqual({ kind: 'categorical' });
    expect(ask('boolean')).toEqual({ kind: 'categorical' });
    expect(ask('number', { distinct: 20 })).toEqual({ kind: 'categorical' });
    expect(ask('number', { distinct: 21 })).toEqual({ kind: 'numeric' });
  });

  it('skips dates and timestamps unless named, and lets the overrides win', () => {
    expect(ask('temporal')).toHaveProperty('skip');
    expect(ask('temporal', { named: true })).toEqual({ kind: 'numeric' });
    expect(ask('other')).toHaveProperty('skip');
    expect(ask('number', { distinct: 3, forceNumeric: true })).toEqual({ kind: 'numeric' });
    expect(ask('number', { distinct: 3000, forceCategorical: true })).toEqual({ kind: 'categorical' });
  });
});
