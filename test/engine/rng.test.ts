import { describe, expect, it } from 'vitest';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';

describe('seeded generator', () => {
  it('replays the same sequence for the same seed and differs across seeds', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRng(seed).next);
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });
  it('is uniform on [0, 1): mean, variance and deciles of 100k draws', () => {
    const rng = seededRng(7);
    const n = 100_000;
    const counts = new Array<number>(10).fill(0);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sumSq += u * u;
      counts[Math.floor(u * 10)]! += 1;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumSq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
    // Chi-squared over ten deciles, 9 degrees of freedom: 27.9 is the 0.999 quantile.
    const chi2 = counts.reduce((acc, c) => acc + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });
});
