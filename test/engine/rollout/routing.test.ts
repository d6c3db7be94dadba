import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { BLUE_ONLY, route, stickyBucket, weightsFor } from '../../../src-main/engine/common/rollout/routing';

const policy = (green: number, extra: object = {}) => ({ ...BLUE_ONLY, weights: weightsFor(green), ...extra });

describe('routing decision', () => {
  it('sends the seed header to green whatever the weights, and only the exact value', () => {
    expect(route(policy(0), { headers: { 'x-model-version': 'v2' }, key: null, draw: 0.99 })).toEqual({
      target: 'green',
      mirrorToGreen: false,
      reason: 'header',
    });
    expect(route(policy(0), { headers: { 'x-model-version': 'v1' }, key: null, draw: 0 }).target).toBe('blue');
  });

  it('splits traffic by weight: 10% green within sampling error over 20,000 draws', () => {
    const rng = seededRng(11);
    let green = 0;
    for (let i = 0; i < 20_000; i++) {
      green += route(policy(10), { headers: {}, key: null, draw: rng.next() }).target === 'green' ? 1 : 0;
    }
    // Binomial(20000, 0.1): sd = 42.4; 5 sd either side.
    expect(Math.abs(green - 2000)).toBeLessThan(212);
  });

  it('keeps a key on its side, and raising green only moves keys from blue to green', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `route-${i}`);
    const sideAt = (w: number) => keys.map((key) => route(policy(w, { sticky: true }), { headers: {}, key, draw: 0 }).target);
    const at10 = sideAt(10);
    const at50 = sideAt(50);
    expect(sideAt(10)).toEqual(at10);
    keys.forEach((_, i) => {
      if (at10[i] === 'green') {
        expect(at50[i]).toBe('green');
      }
    });
    const share = at50.filter((s) => s === 'green').length / keys.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
    expect(stickyBucket('route-1')).toBeGreaterThanOrEqual(0);
    expect(stickyBucket('route-1')).toBeLessThan(100);
  });

  it('in shadow mode every request goes to blue with a copy to green', () => {
    expect(route(policy(50, { shadow: true }), { headers: {}, key: null, draw: 0 })).toEqual({ target: 'blue', mirrorToGreen: true, reason: 'shadow' });
  });

  it('clamps weights to 0..100 and keeps them summing to 100', () => {
    expect(weightsFor(140)).toEqual({ blue: 0, green: 100 });
    expect(weightsFor(-5)).toEqual({ blue: 100, green: 0 });
  });
});
