import { describe, expect, it } from 'vitest';
import { analysisOutcome, evaluateGates, type StepMeasurements } from '../../../src-main/engine/common/rollout/gates';
import { noiseAdjustedDisagreement } from '../../../src-main/engine/common/rollout/noiseFloor';
import { rollbackCompatibility } from '../../../src-main/engine/common/rollout/compatibility';
import { gatesSection, GATE_NAMES } from '../../../src-main/engine/common/scenario/sections/rollout';

const gates = gatesSection.parse({});
const healthy: StepMeasurements = {
  green: { requests: 100, errors: 0, timeouts: 0, p99Ms: 4 },
  blue: { requests: 900, errors: 0, timeouts: 0, p99Ms: 4 },
  predictionPsi: 0.02,
  disagreement: noiseAdjustedDisagreement([0.1, 0.6, 0.7], [0.1, 0.6, 0.7], [0.1, 0.6, 0.7], 0.5),
  inputDriftMaxPsi: 0.05,
  outcome: { labelled: 500, blueAuc: 0.66, greenAuc: 0.67 },
};

describe('analysis gates', () => {
  it('pass on healthy measurements', () => {
    const results = evaluateGates(GATE_NAMES, gates, healthy, 100);
    expect(results.map((r) => [r.gate, r.outcome])).toEqual(GATE_NAMES.map((g) => [g, 'pass']));
    expect(analysisOutcome(results, 0, 0)).toBe('pass');
  });

  it('fail on errors, slow p99 against the SLA, and an AUC drop', () => {
    const results = evaluateGates(
      GATE_NAMES,
      gates,
      { ...healthy, green: { requests: 100, errors: 3, timeouts: 1, p99Ms: 400 }, outcome: { labelled: 500, blueAuc: 0.7, greenAuc: 0.6 } },
      100,
    );
    const byGate = Object.fromEntries(results.map((r) => [r.gate, r]));
    expect(byGate['errorRate']).toMatchObject({ outcome: 'fail', observed: 0.04, threshold: 0.01 });
    expect(byGate['p99LatencyMs']).toMatchObject({ outcome: 'fail', observed: 400, threshold: 100 });
    expect(byGate['businessOutcome']).toMatchObject({ outcome: 'fail' });
    expect(analysisOutcome(results, 2, 0)).toBe('fail');
    expect(analysisOutcome(results, 3, 0)).toBe('pass');
  });

  it('are inconclusive without enough data, and limits decide', () => {
    const results = evaluateGates(
      ['errorRate', 'businessOutcome'],
      gates,
      { ...healthy, green: { requests: 5, errors: 0, timeouts: 0, p99Ms: 3 }, outcome: { labelled: 10, blueAuc: 0.6, greenAuc: 0.5 } },
      100,
    );
    expect(results.map((r) => r.outcome)).toEqual(['inconclusive', 'inconclusive']);
    expect(analysisOutcome(results, 0, 0)).toBe('inconclusive');
    expect(analysisOutcome(results, 0, 2)).toBe('pass');
  });

  it('count only disagreement beyond blue against itself', () => {
    const blue = [0.49, 0.51, 0.2, 0.8];
    const twin = [0.51, 0.49, 0.2, 0.8];
    const green = [0.51, 0.49, 0.8, 0.8];
    const d = noiseAdjustedDisagreement(blue, twin, green, 0.5);
    expect([d.signal.flipRate, d.noise.flipRate, d.excessFlipRate]).toEqual([0.75, 0.5, 0.25]);
  });
});

describe('rollback compatibility', () => {
  it('lists the fields blue needs that today lacks', () => {
    expect(rollbackCompatibility(['date', 'origin', 'distance'], ['date', 'distance', 'destination'])).toEqual({
      compatible: false,
      missing: ['origin'],
      required: ['date', 'origin', 'distance'],
      present: ['date', 'distance', 'destination'],
    });
  });
});
