import { describe, expect, it } from 'vitest';
import { connectionsFor, MAX_CONNECTIONS } from '../../../src-main/engine/common/load/connections';
import { loadResult, type LoadRunFacts } from '../../../src-main/engine/common/load/loadResult';
import type { OpenLoopTally } from '../../../src-main/engine/common/load/openLoop';
import { rateShape } from '../../../src-main/engine/common/load/rateShape';
import { inferBody, numericPredictBody, recordBody, standardNormal } from '../../../src-main/engine/common/load/requestBodies';
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
  it('are the raw-record, numeric and Open Inference Protocol forms', () => {
    expect(JSON.parse(recordBody({ date: '2001-03-01 06:05:00', distance: 337 }))).toEqual({ features: { date: '2001-03-01 06:05:00', distance: 337 } });
    const numeric = JSON.parse(numericPredictBody(inputs, seededRng(1))) as { features: number[] };
    expect(numeric.features).toHaveLength(5);
    const infer = JSON.parse(inferBody(inputs, seededRng(1))) as { inputs: { name: string; shape: number[]; datatype: string; data: number[] }[] };
    expect(infer.inputs.map((i) => [i.name, i.shape, i.datatype, i.data.length])).toEqual([
      ['x', [1, 3], 'FP32', 3],
      ['k', [1, 2], 'INT64', 2],
    ]);
    expect(infer.inputs[1]!.data.every(Number.isInteger)).toBe(true);
  });
  it('draw standard-normal values', () => {
    const rng = seededRng(4);
    const xs = Array.from({ length: 50_000 }, () => standardNormal(rng));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(0, 1);
    expect(sd).toBeCloseTo(1, 1);
  });
});
