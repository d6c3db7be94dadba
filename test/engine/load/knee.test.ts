import { describe, expect, it } from 'vitest';
import { defaultKneeSearch, findKnee } from '../../../src-main/engine/common/load/knee';
import { loadResultAt } from './fixtures';

/** A server whose p99 is 10 ms up to its capacity, then climbs steeply. */
const server = (capacity: number) => async (rps: number) => {
  const p99 = rps <= capacity ? 10 : 10 + (rps - capacity) * 5;
  return loadResultAt(rps, p99, { slaPass: p99 <= 100 });
};

describe('the knee search', () => {
  it('steps up until the SLA breaks, then bisects to the highest rate that holds', async () => {
    // Capacity 1000: the SLA (100 ms) breaks above 1018 rps.
    const knee = await findKnee({ startRps: 100, maxRps: 100_000, growth: 1.5, refinements: 6 }, 100, server(1000));
    expect(knee.stoppedBy).toBe('sla');
    expect(knee.kneeRps).not.toBeNull();
    expect(knee.kneeRps!).toBeLessThanOrEqual(1018);
    expect(knee.kneeRps!).toBeGreaterThan(1018 * 0.97);
    const rates = knee.steps.map((s) => s.rps);
    expect(rates.slice(0, 5)).toEqual([100, 150, 225, 337.5, 506.3]);
    // Bisection stays between the last rate that held and the first that broke.
    expect(rates.slice(7).every((r) => r > 759 && r < 1140)).toBe(true);
    expect(knee.steps.every((s) => s.slaPass === s.p99Ms <= 100)).toBe(true);
  });

  it('stops at the rate cap when the SLA always holds', async () => {
    const knee = await findKnee({ startRps: 10, maxRps: 50, growth: 2, refinements: 3 }, 100, server(1e9));
    expect(knee).toMatchObject({ kneeRps: 50, stoppedBy: 'max-rate' });
    expect(knee.steps.map((s) => s.rps)).toEqual([10, 20, 40, 50]);
  });

  it('reports no knee when the first rate already breaks the SLA', async () => {
    const knee = await findKnee({ startRps: 500, maxRps: 5000, growth: 1.5, refinements: 3 }, 100, server(100));
    expect(knee.kneeRps).toBeNull();
    expect(knee.steps).toHaveLength(1);
  });

  it('stops when the generator falls behind twice at a rate: past that rate it would measure itself', async () => {
    const knee = await findKnee({ startRps: 100, maxRps: 10_000, growth: 2, refinements: 3 }, 100, async (rps) =>
      loadResultAt(rps, 10, { onSchedule: rps < 800 }),
    );
    expect(knee).toMatchObject({ kneeRps: 400, stoppedBy: 'generator' });
    expect(knee.steps.map((s) => s.rps)).toEqual([100, 200, 400, 800, 800]);
  });

  it("tries a rate again when the generator fell behind only once (a neighbour's burst)", async () => {
    let hiccups = 1;
    const knee = await findKnee({ startRps: 100, maxRps: 400, growth: 2, refinements: 3 }, 100, async (rps) =>
      loadResultAt(rps, 10, { onSchedule: !(rps === 200 && hiccups-- > 0) }),
    );
    expect(knee).toMatchObject({ kneeRps: 400, stoppedBy: 'max-rate' });
    expect(knee.steps.map((s) => [s.rps, s.onSchedule])).toEqual([
      [100, true],
      [200, false],
      [200, true],
      [400, true],
    ]);
  });

  it('starts at a quarter of the target by default', () => {
    expect(defaultKneeSearch(300)).toMatchObject({ startRps: 75, maxRps: 4800 });
  });
});
