import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectionsFor, MAX_CONNECTIONS } from '../../../src-main/engine/common/load/connections';
import { loadResult, type LoadRunFacts } from '../../../src-main/engine/common/load/loadResult';
import type { OpenLoopTally } from '../../../src-main/engine/common/load/openLoop';
import { rateShape } from '../../../src-main/engine/common/load/rateShape';
import { recordBody, sourcedInferBody, sourcedPredictBody } from '../../../src-main/engine/common/load/requestBodies';
import { payloadProfileOf, profileRow, type PayloadProfile } from '../../../src-main/engine/common/load/payloadProfile';
import type { ReferenceProfile } from '../../../src-main/engine/common/model/referenceProfile';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';

const p = (ms: number) => ({ p50: ms, p90: ms, p95: ms, p99: ms, p999: ms, max: ms });
const tally = (changes: Partial<OpenLoopTally> = {}): OpenLoopTally => ({
  planned: 1000,
  sent: 1000,
  ok: 1000,
  errors: 0,
  timeouts: 0,
  dropped: 0,
  errorKinds: {},
  elapsedMs: 10_000,
  corrected: p(20),
  uncorrected: p(15),
  lateness: p(0.4),
  connectionWait: p(0.1),
  ...changes,
});
const facts: LoadRunFacts = { slaMs: 100, scheduleToleranceMs: 10, protocol: 'predict', url: 'u', payload: 'x', connections: 8, seed: 1 };
const shape = rateShape('constant', 100, 10_000);

describe('a load result', () => {
  it('carries the names the issue lists', () => {
    const result = loadResult(shape, tally(), facts);
    for (const key of ['plannedRps', 'achievedRps', 'latencyMs', 'uncorrectedLatencyMs', 'errors', 'timeouts', 'dropped', 'slaPass']) {
      expect(result).toHaveProperty(key);
    }
    expect(Object.keys(result.latencyMs)).toEqual(['p50', 'p90', 'p95', 'p99', 'p999', 'max']);
    expect(result).toMatchObject({ plannedRps: 100, achievedRps: 100, slaPass: true, onSchedule: true });
  });

  it('holds the SLA only with answers and nothing lost', () => {
    expect(loadResult(shape, tally({ corrected: p(101) }), facts).slaPass).toBe(false);
    expect(loadResult(shape, tally({ errors: 1 }), facts).slaPass).toBe(false);
    expect(loadResult(shape, tally({ timeouts: 1 }), facts).slaPass).toBe(false);
    expect(loadResult(shape, tally({ dropped: 1 }), facts).slaPass).toBe(false);
    expect(loadResult(shape, tally({ ok: 0, corrected: p(0) }), facts).slaPass).toBe(false);
  });

  it('is off schedule when lateness p99 passes the tolerance or anything was dropped', () => {
    expect(loadResult(shape, tally({ lateness: p(11) }), facts).onSchedule).toBe(false);
    expect(loadResult(shape, tally({ dropped: 1 }), facts).onSchedule).toBe(false);
  });
});

describe('connections for a rate', () => {
  it("follow Little's law at twice the SLA, within bounds", () => {
    expect(connectionsFor(300, 100)).toBe(60);
    expect(connectionsFor(1, 100)).toBe(4);
    expect(connectionsFor(1e6, 100)).toBe(MAX_CONNECTIONS);
    expect(MAX_CONNECTIONS).toBe(256);
  });
});

describe('request bodies', () => {
  const inputs = [
    { name: 'x', datatype: 'FP32', width: 3 },
    { name: 'k', datatype: 'INT64', width: 2 },
  ];
  const profile: PayloadProfile = {
    features: [
      { name: 'a', kind: 'numeric', quantiles: [10, 20, 40] },
      { name: 'b', kind: 'numeric', quantiles: [0, 1] },
      { name: 'c', kind: 'numeric', quantiles: [5] },
      { name: 'k1', kind: 'categorical', codes: [3, 7], counts: [1, 3] },
      { name: 'k2', kind: 'categorical', codes: [0], counts: [9] },
    ],
  };
  it('are the raw-record, numeric and Open Inference Protocol forms', () => {
    expect(JSON.parse(recordBody({ date: '2001-03-01 06:05:00', distance: 337 }))).toEqual({ features: { date: '2001-03-01 06:05:00', distance: 337 } });
    const numeric = JSON.parse(sourcedPredictBody(inputs, { kind: 'defaults' }, seededRng(1))) as { features: number[] };
    expect(numeric.features).toEqual([0, 0, 0, 0, 0]);
    const infer = JSON.parse(sourcedInferBody(inputs, { kind: 'profile', profile }, seededRng(1))) as {
      inputs: { name: string; shape: number[]; datatype: string; data: number[] }[];
    };
    expect(infer.inputs.map((i) => [i.name, i.shape, i.datatype, i.data.length])).toEqual([
      ['x', [1, 3], 'FP32', 3],
      ['k', [1, 2], 'INT64', 2],
    ]);
    expect(infer.inputs[1]!.data.every(Number.isInteger)).toBe(true);
  });
  it('draw each numeric feature between its quantiles and each code as often as the reference saw it', () => {
    const rng = seededRng(4);
    const rows = Array.from({ length: 20_000 }, () => profileRow(profile, rng));
    expect(rows.every(([a, b, c, k1, k2]) => a! >= 10 && a! <= 40 && b! >= 0 && b! <= 1 && c === 5 && (k1 === 3 || k1 === 7) && k2 === 0)).toBe(true);
    // Half the mass of `a` lies below its middle quantile, 20; `k1` is 7 three times in four.
    expect(rows.filter(([a]) => a! < 20).length / rows.length).toBeCloseTo(0.5, 1);
    expect(rows.filter(([, , , k1]) => k1 === 7).length / rows.length).toBeCloseTo(0.75, 1);
  });
  it('come from a reference profile, and none from one whose feature has no value', () => {
    const reference = JSON.parse(readFileSync('scenarios/demo/models/blue-v1/reference.json', 'utf8')) as ReferenceProfile;
    const payload = payloadProfileOf(reference);
    expect(payload?.features.map((f) => [f.name, f.kind])).toEqual([
      ['distance', 'numeric'],
      ['dep_hour', 'categorical'],
      ['dep_weekday', 'categorical'],
      ['origin_index', 'categorical'],
      ['destination_index', 'categorical'],
    ]);
    const first = reference.features[0]!;
    expect(payloadProfileOf({ ...reference, features: [{ ...first, profile: { ...first.profile, count: 0 } as never }] })).toBeNull();
  });
});
