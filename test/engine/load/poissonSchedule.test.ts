import { describe, expect, it } from 'vitest';
import { poissonArrivals } from '../../../src-main/engine/common/load/poissonSchedule';
import { rateShape } from '../../../src-main/engine/common/load/rateShape';
import { SEED_HEADROOM, SEED_MULTIPLIER, targetRps } from '../../../src-main/engine/common/load/targetRate';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';

const arrivals = (shape: Parameters<typeof rateShape>[0], rps: number, durationMs: number, seed = 1): number[] => [
  ...poissonArrivals(rateShape(shape, rps, durationMs), seededRng(seed)),
];

describe('the target rate', () => {
  it('is peak x multiplier x (1 + headroom): 3x peak with the seed numbers', () => {
    expect(targetRps({ peakRps: 100, multiplier: SEED_MULTIPLIER, headroom: SEED_HEADROOM })).toBe(300);
    expect(targetRps({ peakRps: 40, multiplier: 1, headroom: 0 })).toBe(40);
  });
});

describe('rate shapes', () => {
  it('reach the target and average what their mean says', () => {
    for (const shape of ['constant', 'ramp', 'step', 'spike'] as const) {
      const s = rateShape(shape, 400, 10_000);
      let integral = 0;
      let max = 0;
      for (let t = 0.5; t < 10_000; t += 1) {
        integral += s.rateAt(t);
        max = Math.max(max, s.rateAt(t));
      }
      expect(max, shape).toBe(400);
      expect(integral / 10_000, shape).toBeCloseTo(s.meanRps, 0);
    }
  });
  it('have the documented form', () => {
    const ramp = rateShape('ramp', 400, 10_000);
    expect([ramp.rateAt(0), ramp.rateAt(2500), ramp.rateAt(5000), ramp.rateAt(9000)]).toEqual([0, 200, 400, 400]);
    const step = rateShape('step', 400, 10_000);
    expect([step.rateAt(0), step.rateAt(2600), step.rateAt(5100), step.rateAt(7600), step.rateAt(9999)]).toEqual([100, 200, 300, 400, 400]);
    const spike = rateShape('spike', 400, 10_000);
    expect([spike.rateAt(1000), spike.rateAt(4000), spike.rateAt(5999), spike.rateAt(6000)]).toEqual([100, 400, 400, 100]);
  });
});

describe('the Poisson schedule', () => {
  it('replays the same plan for the same seed, and another for another seed', () => {
    expect(arrivals('constant', 500, 2000, 9)).toEqual(arrivals('constant', 500, 2000, 9));
    expect(arrivals('constant', 500, 2000, 9)).not.toEqual(arrivals('constant', 500, 2000, 10));
  });

  it('plans rate x duration requests, in order, inside the run', () => {
    const times = arrivals('constant', 1000, 60_000);
    // A Poisson count has variance equal to its mean: 4 standard deviations around 60,000.
    expect(Math.abs(times.length - 60_000)).toBeLessThan(4 * Math.sqrt(60_000));
    expect(times.every((t, i) => t > 0 && t < 60_000 && (i === 0 || t > times[i - 1]!))).toBe(true);
  });

  it('has exponential gaps: mean 1/rate, variance 1/rate^2, and a Kolmogorov-Smirnov fit', () => {
    const rate = 250 / 1000; // per ms
    const times = arrivals('constant', 250, 200_000, 3);
    const gaps = times.map((t, i) => t - (i === 0 ? 0 : times[i - 1]!));
    const n = gaps.length;
    const mean = gaps.reduce((a, b) => a + b, 0) / n;
    const variance = gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / (n - 1);
    expect(mean).toBeCloseTo(1 / rate, 1);
    expect(Math.sqrt(variance) / mean).toBeCloseTo(1, 1);
    // KS statistic against F(x) = 1 - exp(-rate x); 1.63/sqrt(n) is the 0.99 critical value.
    const sorted = [...gaps].sort((a, b) => a - b);
    let d = 0;
    sorted.forEach((g, i) => {
      const f = 1 - Math.exp(-rate * g);
      d = Math.max(d, Math.abs((i + 1) / n - f), Math.abs(f - i / n));
    });
    expect(d).toBeLessThan(1.63 / Math.sqrt(n));
  });

  it('has Poisson counts per window: index of dispersion near 1', () => {
    const times = arrivals('constant', 100, 1_000_000, 5);
    const counts = new Array<number>(1000).fill(0);
    for (const t of times) {
      counts[Math.floor(t / 1000)]! += 1;
    }
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (counts.length - 1);
    expect(mean).toBeCloseTo(100, -1);
    // For 1,000 windows the dispersion's standard error is about sqrt(2/999) = 0.045.
    expect(Math.abs(variance / mean - 1)).toBeLessThan(0.2);
  });

  it('follows each shape: requests per stretch match the integral of the rate', () => {
    const checks: [Parameters<typeof rateShape>[0], [number, number, number][]][] = [
      [
        'step',
        [
          [0, 25_000, 100 * 25],
          [25_000, 50_000, 200 * 25],
          [50_000, 75_000, 300 * 25],
          [75_000, 100_000, 400 * 25],
        ],
      ],
      [
        'spike',
        [
          [0, 40_000, 100 * 40],
          [40_000, 60_000, 400 * 20],
          [60_000, 100_000, 100 * 40],
        ],
      ],
      [
        'ramp',
        [
          [0, 25_000, 0.5 * 200 * 25],
          [25_000, 50_000, 300 * 25],
          [50_000, 100_000, 400 * 50],
        ],
      ],
    ];
    for (const [shape, stretches] of checks) {
      const times = arrivals(shape, 400, 100_000, 11);
      for (const [from, to, expected] of stretches) {
        const n = times.filter((t) => t >= from && t < to).length;
        expect(Math.abs(n - expected), `${shape} ${from}-${to}: ${n} vs ${expected}`).toBeLessThan(4 * Math.sqrt(expected));
      }
    }
  });

  it('plans nothing for a zero rate or duration', () => {
    expect(arrivals('constant', 0, 1000)).toEqual([]);
    expect(arrivals('constant', 100, 0)).toEqual([]);
  });
});
