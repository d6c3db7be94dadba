/** The distribution-shift check from its evidence: PASS, the two ways of WARN, the three ways of FAIL. */
import { describe, expect, it } from 'vitest';
import type { ReplayModel, ShiftDetected, WatchedSeries } from '../../../src-main/contract/events';
import { distributionShiftCheck, type DistributionShiftEvidence, type ModelWatchEvidence } from '../../../src-main/engine/common/checks/distributionShift';

function series(name: string, psiThreshold = 0.25): WatchedSeries {
  return { name, kind: 'numeric', compared: 'value', psiThreshold, thresholdSource: psiThreshold === 0.25 ? 'fixed' : 'calibrated', calibration: null };
}

function model(overrides: Partial<ReplayModel> = {}, alerting = 1, compared = 100): ModelWatchEvidence {
  const features = overrides.features ?? [series('distance'), series('dep_hour')];
  return {
    model: {
      role: 'blue',
      model: 'blue-v1',
      reference: { source: 'r.parquet', from: '2001-01-01T00:00:00', to: '2001-02-01T00:00:00', rows: 500, positiveRate: 0.2, auc: 0.66 },
      prediction: series('prediction'),
      labels: { positiveRate: 0.1, aucDrop: 0.1, thresholdSource: 'fixed' },
      ...overrides,
      features,
    },
    compared: features.map((f) => ({ name: f.name, windows: compared })),
    falseAlarms: { windows: 100, alerting, features: features.map((f) => ({ name: f.name, evaluated: 100, firing: f.name === 'distance' ? alerting : 0 })) },
  };
}

const caught: ShiftDetected = {
  kind: 'shift.detected',
  index: 0,
  name: 'scale distance (x2 + 0)',
  layer: 2,
  rule: 'feature-psi',
  role: 'blue',
  subject: 'distance',
  at: '2001-03-07T12:00:00',
  delayMs: 2 * 3_600_000,
};

function check(evidence: Partial<DistributionShiftEvidence>) {
  return distributionShiftCheck({ seedThreshold: 0.25, models: [model()], shifts: [{ name: caught.name, detections: [caught], missed: null }], ...evidence });
}

describe('distribution-shift', () => {
  it('passes when every feature alerts at PSI > 0.25, every shift is caught and false alarms are rare', () => {
    const result = check({});
    expect(result.status).toBe('PASS');
    expect(result.observed).toContain('2 of 2 input features are compared');
    expect(result.evidence).toContainEqual({
      label: 'blue: false-alarm rate (windows without a shift)',
      value: 0.01,
      unit: 'ratio',
      n: 100,
      key: 'falseAlarmRate',
      role: 'blue',
    });
    expect(result.evidence).toContainEqual({
      label: 'shift scale distance (x2 + 0): caught by layer 2 feature-psi on blue distance after',
      value: 2,
      unit: 'h',
    });
  });
  it('gives each model its falseAlarmRate and windowsCompared by key: null and 0 when nothing was evaluated', () => {
    const thin = model({ role: 'green', model: 'green-v1' }, 0);
    const evidence = check({
      models: [
        model({}, 7),
        {
          ...thin,
          compared: [
            { name: 'distance', windows: 40 },
            { name: 'dep_hour', windows: 38 },
          ],
          falseAlarms: { windows: 0, alerting: 0, features: [] },
        },
        model({ role: 'green', reference: null }),
      ],
    }).evidence;
    const figure = (key: string) => evidence.filter((e) => e.key === key).map((e) => [e.role, e.value]);
    expect(figure('falseAlarmRate')).toEqual([
      ['blue', 0.07],
      ['green', null],
      ['green', null],
    ]);
    expect(figure('windowsCompared')).toEqual([
      ['blue', 100],
      ['green', 40],
      ['green', 0],
    ]);
  });
  it("warns when a calibrated threshold is above the seed's 0.25", () => {
    const result = check({ models: [model({ features: [series('distance'), series('origin_index', 1.01)] })] });
    expect(result).toMatchObject({ status: 'WARN', observed: expect.stringContaining('blue origin_index (1.01)') });
  });
  it('warns when alerts fire in more than 5% of the windows without a shift', () => {
    expect(check({ models: [model({}, 22)] })).toMatchObject({ status: 'WARN', observed: expect.stringContaining('22.0% of 100 windows') });
  });
  it('fails on a missed shift, a model without a reference, or a feature never compared', () => {
    expect(check({ shifts: [{ name: 'noise b', detections: [], missed: { kind: 'shift.missed', index: 0, name: 'noise b', reason: 'r' } }] })).toMatchObject({
      status: 'FAIL',
      observed: expect.stringContaining('missed: noise b'),
    });
    expect(check({ models: [model({ reference: null, prediction: null, labels: null })] })).toMatchObject({
      status: 'FAIL',
      next: expect.stringContaining('snapshots.reference'),
    });
    expect(check({ models: [model({}, 0, 0)] })).toMatchObject({ status: 'FAIL', observed: expect.stringContaining('Never compared') });
  });
  it('gives each model its calibration verdict and the estimated AUC against labelled windows, deciding nothing on them', () => {
    const calibrated = {
      ...model({ estimate: { calibrated: true, error: 0.012, noise: 0.01, bound: 0.04, rows: 500 } }),
      estimate: { calibrated: true, windows: 90, aucMae: 0.021, accuracyMae: 0.011, aucStandardError: 0.035 },
    };
    const result = check({ models: [calibrated] });
    expect(result.status).toBe('PASS');
    expect(result.observed).toContain(
      'blue: AUC estimated before labels was off by 0.021 on average over 90 labelled windows, whose own AUC sampling error is 0.035.',
    );
    expect(result.evidence).toContainEqual({ label: 'blue: calibration error on the reference (bound 0.040, calibrated)', value: 0.012, n: 500 });
    expect(result.evidence).toContainEqual({ label: 'blue: estimated AUC mean absolute error (labelled windows)', value: 0.021, n: 90 });
    expect(result.evidence).toContainEqual({ label: "blue: labelled windows' AUC sampling error (Hanley-McNeil, mean)", value: 0.035, n: 90 });
    const uncalibrated = {
      ...model({ estimate: { calibrated: false, error: 0.09, noise: 0.01, bound: 0.04, rows: 500 } }),
      estimate: { calibrated: false, windows: 0, aucMae: null, accuracyMae: null, aucStandardError: null },
    };
    const refused = check({ models: [uncalibrated] });
    expect(refused.status).toBe('PASS');
    expect(refused.observed).toContain('blue: probabilities uncalibrated on the reference (calibration error 0.090 above the bound 0.040)');
    expect(refused.evidence).toContainEqual({
      label: 'blue: calibration error on the reference (bound 0.040, uncalibrated: no estimate)',
      value: 0.09,
      n: 500,
    });
    expect(refused.evidence.some((e) => e.label.includes('estimated AUC'))).toBe(false);
  });
  it('passes with nothing injected, saying so', () => {
    expect(check({ shifts: [] })).toMatchObject({ status: 'PASS', observed: expect.stringContaining('No shift was injected.') });
  });
});
