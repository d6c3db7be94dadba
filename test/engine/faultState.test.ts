/** Fault decisions are pure and seeded: the same faults meet the same requests on every run. */
import { describe, expect, it } from 'vitest';
import { NO_FAULTS, serverFaultsSchema } from '../../src-main/engine/common/scenario/sections/faults';
import { describeFaults, faultState, sampleLatency } from '../../src-main/engine/common/serving/faultState';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';

describe('fault state', () => {
  it('crashes on the request after the first N', () => {
    const state = faultState({ seed: 1, crash: { afterRequests: 3 } }, 0);
    expect([1, 2, 3].map(() => state.arrive(0).crash)).toEqual([null, null, null]);
    expect(state.arrive(0).crash).toBe('injected crash at request 4, after 3 requests');
  });

  it('crashes at a time after the fault was set, and says when', () => {
    const state = faultState({ seed: 1, crash: { afterMs: 500 } }, 1000);
    expect(state.crashAt).toBe(1500);
    expect(state.arrive(1499).crash).toBeNull();
    expect(state.arrive(1500).crash).toBe('injected crash 500 ms after the fault was set');
  });

  it('leaks the same bytes on every request in the space asked for', () => {
    const state = faultState(serverFaultsSchema.parse({ memoryGrowth: { bytesPerRequest: 4096 } }), 0);
    expect(state.arrive(0).leak).toEqual({ bytes: 4096, space: 'heap' });
    expect(faultState(NO_FAULTS, 0).arrive(0).leak).toBeNull();
  });

  it('draws errors at the set rate, the same sequence for the same seed', () => {
    const draw = (seed: number) => {
      const state = faultState({ seed, errorRate: 0.2 }, 0);
      return Array.from({ length: 10_000 }, () => state.drawError());
    };
    const errors = draw(7).filter(Boolean).length;
    expect(errors).toBeGreaterThan(1800);
    expect(errors).toBeLessThan(2200);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
    expect(faultState({ seed: 7 }, 0).drawError()).toBe(false);
  });

  it('samples each latency distribution around its parameters, never below zero', () => {
    const mean = (latency: Parameters<typeof sampleLatency>[0]) => {
      const rng = seededRng(3);
      const samples = Array.from({ length: 20_000 }, () => sampleLatency(latency, rng));
      expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
      return samples.reduce((a, b) => a + b, 0) / samples.length;
    };
    expect(mean({ distribution: 'fixed', ms: 40 })).toBe(40);
    expect(mean({ distribution: 'uniform', minMs: 10, maxMs: 30 })).toBeCloseTo(20, 0);
    expect(mean({ distribution: 'normal', meanMs: 50, sdMs: 5 })).toBeCloseTo(50, 0);
    expect(mean({ distribution: 'exponential', meanMs: 20 })).toBeCloseTo(20, 0);
    // The mean of a lognormal is median * exp(sigma^2 / 2).
    expect(mean({ distribution: 'lognormal', medianMs: 10, sigma: 0.5 })).toBeCloseTo(10 * Math.exp(0.125), 0);
  });

  it('keeps latency and error draws apart, so one fault does not shift the other', () => {
    const alone = faultState({ seed: 5, errorRate: 0.5 }, 0);
    const withLatency = faultState({ seed: 5, errorRate: 0.5, latency: { distribution: 'uniform', minMs: 0, maxMs: 10 } }, 0);
    const a = Array.from({ length: 50 }, () => alone.drawError());
    const b = Array.from({ length: 50 }, () => (withLatency.drawDelayMs(), withLatency.drawError()));
    expect(b).toEqual(a);
  });

  it('says what is on in one line', () => {
    expect(describeFaults(NO_FAULTS)).toBe('none');
    expect(describeFaults({ seed: 2, latency: { distribution: 'lognormal', medianMs: 20, sigma: 1 }, errorRate: 0.1, stuckBatch: true })).toBe(
      'latency lognormal median 20 ms sigma 1, error rate 0.1, stuck batch (seed 2)',
    );
  });
});

describe('the fault schema', () => {
  it.each([
    [{ latency: { distribution: 'fixed' } }, 'latency.ms'],
    [{ latency: { distribution: 'slow', ms: 3 } }, 'latency.distribution'],
    [{ latency: { distribution: 'uniform', minMs: 5, maxMs: 1 } }, 'latency.maxMs'],
    [{ errorRate: 1.5 }, 'errorRate'],
    [{ crash: {} }, 'crash'],
    [{ memoryGrowth: { bytesPerRequest: 10, space: 'disk' } }, 'memoryGrowth.space'],
    [{ stuck: true }, ''],
  ])('refuses %j at %s', (value, path) => {
    const parsed = serverFaultsSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join('.')).toBe(path);
  });
});
