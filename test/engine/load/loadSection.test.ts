import { describe, expect, it } from 'vitest';
import { loadPlanOf, loadSection } from '../../../src-main/engine/common/scenario/sections/load';

const production = { path: '/data/flights.parquet', timestamp: 'date' };

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
      payload: { kind: 'snapshot', path: '/data/flights.parquet', order: 'event', timestamp: 'date' },
      seed: 1,
    });
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
