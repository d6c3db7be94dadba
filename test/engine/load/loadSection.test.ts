import { describe, expect, it } from 'vitest';
import { loadPlanOf, loadSection } from '../../../src-main/engine/common/scenario/sections/load';

const production = {
  records: [{ date: '2001-03-01 06:05:00', distance: 337 }],
  eventTimes: [Date.UTC(2001, 2, 1, 6, 5)],
  description: 'snapshot /data/flights.parquet [2001-03-01T00:00:00, end), 1 rows in event order',
};

describe('the scenario load section', () => {
  it('defaults to the seed: 2x peak plus 50% headroom, 30 s, p99 100 ms, production rows in event order', () => {
    const section = loadSection.parse({ peakRps: 100 });
    expect(loadPlanOf(section, 'http://127.0.0.1:8000', production)).toEqual({
      url: 'http://127.0.0.1:8000',
      protocol: 'predict',
      rps: 300,
      shape: 'constant',
      durationMs: 30_000,
      slaMs: 100,
      timeoutMs: 1000,
      payload: { kind: 'records', ...production },
      seed: 1,
    });
  });

  it("needs production's records read first when it sends them", () => {
    expect(() => loadPlanOf(loadSection.parse({ peakRps: 10 }), 'http://h:1', null)).toThrow(/needs them read first/);
  });

  it('takes durations as text and numeric payloads for OIP', () => {
    const section = loadSection.parse({
      peakRps: 40,
      multiplier: 1,
      headroom: 0,
      duration: '5s',
      sla: '250ms',
      timeout: '2s',
      protocol: 'oip',
      payload: 'numeric',
      connections: 16,
    });
    expect(loadPlanOf(section, 'http://h:1', production)).toMatchObject({
      rps: 40,
      durationMs: 5000,
      slaMs: 250,
      timeoutMs: 2000,
      protocol: 'oip',
      payload: { kind: 'numeric' },
      connections: 16,
    });
  });

  it('refuses unknown keys and bad values', () => {
    expect(loadSection.safeParse({ peakRps: 100, peak: 3 }).success).toBe(false);
    expect(loadSection.safeParse({ peakRps: -1 }).success).toBe(false);
    expect(loadSection.safeParse({ peakRps: 10, duration: 'long' }).success).toBe(false);
    expect(loadSection.safeParse({ peakRps: 10, shape: 'sine' }).success).toBe(false);
  });
});
