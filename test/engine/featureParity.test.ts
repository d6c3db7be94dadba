/** Feature parity's pure parts: value comparison, distribution distances, and the check's statuses. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { FeatureParityMeasured, FreshnessMeasured, PointInTimeChecked } from '../../src-main/contract/events';
import { featureParityCheck } from '../../src-main/engine/common/checks/featureParity';
import { compareFeature, type JoinedRequests } from '../../src-main/engine/common/features/parity/compareFeature';
import { featureParitySection } from '../../src-main/engine/common/scenario/sections/features';
import { equalWidthHistogram } from '../../src-main/engine/common/stats/histogram';
import { lInfinityDistance } from '../../src-main/engine/common/stats/lInfinity';
import { PYTHON } from '../support/python';

const thresholds = featureParitySection.parse({});

function requests(n: number): JoinedRequests {
  return {
    ids: Array.from({ length: n }, (_, i) => `0:${i}`),
    eventTimes: Float64Array.from({ length: n }, (_, i) => Date.UTC(2001, 2, 1, i)),
    records: Array.from({ length: n }, (_, i) => ({ date: `2001-03-01 ${String(i % 24).padStart(2, '0')}:00:00` })),
  };
}

describe('comparing one feature between the pipelines', () => {
  it('lets numeric values differ by absolute + relative x |training|, and no more', () => {
    const training = [1000, 1000, 0, 5];
    const serving = [1000 + 0.0009, 1000 + 0.0011, 1e-6, 5];
    // 1e-6 + 1e-6 * 1000 = 0.001001: the first is within, the second is not; 0 vs 1e-6 is exactly the absolute tolerance.
    const result = compareFeature({ name: 'distance', kind: 'numeric' }, requests(4), training, serving, thresholds);
    expect(result).toMatchObject({ compared: 4, mismatches: 1, mismatchRate: 0.25, passed: false, shifts: [] });
    expect(result.maxAbsDelta).toBeCloseTo(0.0011, 9);
    expect(result.examples).toEqual([
      { requestId: '0:1', eventTime: '2001-03-01T01:00:00', record: { date: '2001-03-01 01:00:00' }, training: 1000, serving: 1000.0011 },
    ]);
  });

  it('compares categorical codes exactly and names the most frequent shifts', () => {
    const training = [8, 8, 9, 10, 11, 12];
    const serving = [13, 13, 14, 10, 11, 12];
    const result = compareFeature({ name: 'dep_hour', kind: 'categorical' }, requests(6), training, serving, thresholds);
    expect(result).toMatchObject({ mismatches: 3, maxAbsDelta: null, passed: false });
    expect(result.shifts).toEqual([
      { training: 8, serving: 13, count: 2 },
      { training: 9, serving: 14, count: 1 },
    ]);
    // Shares: 8 is 2/6 in training and 0 in serving, the largest gap.
    expect(result.distribution).toEqual({ metric: 'L-infinity', value: 2 / 6, threshold: 0.01 });
  });

  it('counts a value only one pipeline gave as a mismatch, and two missing values as agreement', () => {
    const result = compareFeature({ name: 'x', kind: 'numeric' }, requests(3), [Number.NaN, Number.NaN, 1], [Number.NaN, 2, 1], thresholds);
    expect(result).toMatchObject({ compared: 1, mismatches: 1 });
    expect(result.examples[0]).toMatchObject({ training: null, serving: 2 });
  });

  it('passes identical values with zero distance, and fails a distribution gap above its threshold even within the mismatch rate', () => {
    expect(compareFeature({ name: 'x', kind: 'numeric' }, requests(3), [1, 2, 3], [1, 2, 3], thresholds)).toMatchObject({
      mismatches: 0,
      distribution: { value: 0 },
      passed: true,
    });
    const lenient = { ...thresholds, maxMismatchRate: 0.5 };
    const result = compareFeature({ name: 'c', kind: 'categorical' }, requests(4), [1, 1, 1, 1], [1, 1, 1, 2], lenient);
    expect(result).toMatchObject({ mismatchRate: 0.25, distribution: { value: 0.25 }, passed: false });
  });

  it('takes the Jensen-Shannon distance over a shared 20-bin histogram, as scipy computes it', () => {
    const training = Array.from({ length: 200 }, (_, i) => (i * 37) % 101);
    const serving = training.map((v, i) => (i % 5 === 0 ? v + 30 : v));
    const ours = compareFeature({ name: 'x', kind: 'numeric' }, requests(200), training, serving, thresholds).distribution.value!;
    const lo = Math.min(...training, ...serving);
    const hi = Math.max(...training, ...serving);
    const p = equalWidthHistogram(training, lo, hi, 20).counts;
    const q = equalWidthHistogram(serving, lo, hi, 20).counts;
    const script =
      'import json,sys; from scipy.spatial.distance import jensenshannon; d=json.load(sys.stdin); print(repr(float(jensenshannon(d["p"], d["q"]))))';
    const out = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify({ p, q }), encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    expect(ours).toBeCloseTo(Number(out.stdout), 12);
    // And the counts are numpy's (np.histogram on the same range): checked in histogram.test.ts.
  });
});

describe('L-infinity distance', () => {
  it('is the largest gap between two samples in one category share, ignoring NaN', () => {
    expect(lInfinityDistance([0, 0, 1, 1], [0, 1, 1, 1, Number.NaN])).toBe(0.25);
    expect(lInfinityDistance([0], [1])).toBe(1);
    expect(lInfinityDistance([], [1])).toBeNull();
  });
});

function parityEvent(features: FeatureParityMeasured['features'], servingVariant: string | null = null): FeatureParityMeasured {
  return {
    kind: 'feature.parity',
    role: 'blue',
    model: 'blue-v1',
    featureSpec: 'flights-v1',
    servingVariant,
    sample: { source: 'flights.parquet', seed: 1, requested: 6, requests: 6, joined: 6, from: null, to: null },
    tolerance: thresholds.tolerance,
    maxMismatchRate: 0,
    servingErrors: 0,
    servingErrorExamples: [],
    features,
    passed: features.every((f) => f.passed),
  };
}

const agreeing = compareFeature({ name: 'distance', kind: 'numeric' }, requests(6), [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6], thresholds);
const shiftedHour = compareFeature({ name: 'dep_hour', kind: 'categorical' }, requests(6), [8, 8, 9, 10, 11, 12], [13, 13, 14, 15, 16, 17], thresholds);

function pointInTime(violations: number, leaks: number): PointInTimeChecked {
  return {
    kind: 'feature.pointInTime',
    role: 'green',
    model: 'green-v2',
    feature: 'route_delay_rate',
    sample: 'reference',
    history: 'flights.parquet',
    labelDelayMs: 86_400_000,
    checked: 10,
    violations,
    leaks,
    futureAsOf: 0,
    examples: [],
    passed: violations === 0,
  };
}

function freshness(stale: number): FreshnessMeasured {
  return {
    kind: 'feature.freshness',
    role: 'green',
    model: 'green-v2',
    feature: 'route_delay_rate',
    requests: 10,
    ageMs: { p50: 3 * 86_400_000, p95: 9 * 86_400_000, max: 10 * 86_400_000 },
    maxAgeMs: 8 * 86_400_000,
    stale,
    oldest: null,
  };
}

describe('the feature-parity check', () => {
  it('passes when every feature agrees, nothing leaks and every value is fresh', () => {
    const check = featureParityCheck(
      { parity: [parityEvent([agreeing])], pointInTime: [pointInTime(0, 0)], freshness: [freshness(0)], unavailable: [] },
      thresholds,
      8 * 86_400_000,
    );
    expect(check).toMatchObject({ id: 'feature-parity', status: 'PASS' });
    expect(check.observed).toContain('blue-v1: 1 features on 6 of 6 sampled requests, all agree.');
  });

  it('fails naming the feature whose serving value differs, with the shifted codes as evidence', () => {
    const check = featureParityCheck(
      { parity: [parityEvent([agreeing, shiftedHour], 'departure-hour-utc')], pointInTime: [], freshness: [], unavailable: [] },
      thresholds,
      null,
    );
    expect(check.status).toBe('FAIL');
    expect(check.observed).toContain('blue-v1 (serving variant departure-hour-utc): 2 features on 6 of 6 sampled requests; dep_hour differs on 100% of them');
    expect(check.next).toContain('Make the serving code compute dep_hour as training did');
    expect(check.evidence).toContainEqual({ label: 'blue-v1: dep_hour 8 in training, 13 in serving', value: 2, n: 6 });
  });

  it('fails on a leak and says to rebuild the table with the label delay', () => {
    const check = featureParityCheck({ parity: [parityEvent([agreeing])], pointInTime: [pointInTime(7, 7)], freshness: [], unavailable: [] }, thresholds, null);
    expect(check.status).toBe('FAIL');
    expect(check.observed).toContain(
      'route_delay_rate recomputed from flights.parquet for 10 training-window requests: 7 do not match; 7 of them count labels not yet known at their as-of time (label delay 1 d): a leak.',
    );
    expect(check.next).toContain('Rebuild the joined table with the label delay');
  });

  it('warns when joined values are staler than the scenario allows, or a model could not be checked', () => {
    const stale = featureParityCheck(
      { parity: [parityEvent([agreeing])], pointInTime: [pointInTime(0, 0)], freshness: [freshness(4)], unavailable: [] },
      thresholds,
      8 * 86_400_000,
    );
    expect(stale.status).toBe('WARN');
    expect(stale.observed).toContain('green-v2: route_delay_rate values 3 d old at request time (median; at most 10 d); 4 of 10 older than 8 d.');
    expect(stale.next).toContain("Refresh green-v2's route_delay_rate in the feature store at least every 8 d");
    const partial = featureParityCheck(
      { parity: [parityEvent([agreeing])], pointInTime: [], freshness: [], unavailable: [{ model: 'green-v2', reason: 'not loaded: digest mismatch' }] },
      thresholds,
      null,
    );
    expect(partial.status).toBe('WARN');
  });

  it('is ERROR when models have feature specs but none could be compared', () => {
    const check = featureParityCheck(
      { parity: [], pointInTime: [], freshness: [], unavailable: [{ model: 'blue-v1', reason: 'not loaded: digest mismatch' }] },
      thresholds,
      null,
    );
    expect(check).toMatchObject({ status: 'ERROR', observed: "No model's pipelines could be compared: blue-v1: not loaded: digest mismatch." });
  });

  it('is NOT RUN when no model has a feature spec', () => {
    expect(featureParityCheck({ parity: [], pointInTime: [], freshness: [], unavailable: [] }, thresholds, null)).toMatchObject({
      status: 'NOT RUN',
      observed: expect.stringContaining('No model names a feature spec'),
    });
  });
});
