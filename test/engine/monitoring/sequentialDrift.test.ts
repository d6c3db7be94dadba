/**
 * The sequential drift rule: a CUSUM over standardised, size-scaled window distances whose
 * decision interval is calibrated by simulation to an expected run length, and its use in the
 * replay (a sudden shift caught on its first window, a small persistent one adding up, hard faults
 * without persistence, `for` deprecated with a notice, budgets counted in windows).
 */
import { describe, expect, it } from 'vitest';
import {
  calibrateDecision,
  cusumStep,
  meanRunLength,
  oneWindowDistance,
  oneWindowPsi,
  sequentialRule,
  sizeScaled,
  standardise,
} from '../../../src-main/engine/common/monitoring/sequentialDrift';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { budgetsOf, driftAlertsSection } from '../../../src-main/engine/common/scenario/sections/alerts';
import { HOUR, MARCH, ofKind, replay, table } from '../../support/replayTables';

/** Draws from a skewed distance distribution, like PSI's (chi-squared with 4 degrees of freedom). */
function chiSquared(rng: { next(): number }, n: number): number[] {
  return Array.from({ length: n }, () => {
    let sum = 0;
    for (let i = 0; i < 4; i++) {
      const x = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      sum += x * x;
    }
    return sum;
  });
}

describe('the CUSUM', () => {
  it('adds only what a window exceeds the allowance by, never goes below 0, and alarms past the decision interval', () => {
    expect(cusumStep(0, 0.5, 1, 4)).toEqual({ sum: 0, alarm: false });
    expect(cusumStep(0, 3, 1, 4)).toEqual({ sum: 2, alarm: false });
    expect(cusumStep(2, 3.5, 1, 4)).toEqual({ sum: 4.5, alarm: true });
    // Capped at h + k: one calm window (z = 0) after a huge one brings the sum back to h, not past it.
    expect(cusumStep(0, 1000, 1, 4)).toEqual({ sum: 5, alarm: true });
    expect(cusumStep(5, 0, 1, 4)).toEqual({ sum: 4, alarm: false });
  });

  it('standardises by the reference chunks and puts windows of any size on one scale', () => {
    expect(standardise(7, 3, 2)).toBe(2);
    expect(Number.isFinite(standardise(1, 0, 0))).toBe(true);
    // PSI noise goes like 1/n + 1/m: the scaled figure is the same for a small and a large window.
    expect(sizeScaled(0.2, 50, 200)).toBeCloseTo(8, 10);
    expect(sizeScaled(0.0125, 800, 3200)).toBeCloseTo(8, 10);
    const rule = { mean: 10, sd: 2, allowance: 1, decision: 4, ert: 100 };
    expect(oneWindowDistance(rule)).toBe(20);
    expect(oneWindowPsi(rule, 100, 100)).toBeCloseTo(0.4, 10);
  });

  it('calibrates the decision interval so that the mean run length without change is the ert', () => {
    const standardised = (n: number, seed: number) => {
      const reference = chiSquared(seededRng(seed), n);
      const mean = reference.reduce((a, b) => a + b, 0) / reference.length;
      const sd = Math.sqrt(reference.reduce((a, b) => a + (b - mean) ** 2, 0) / (reference.length - 1));
      return { z: reference.map((d) => standardise(d, mean, sd)), mean, sd };
    };
    const small = standardised(600, 1);
    const large = standardised(6000, 1);
    const h100 = calibrateDecision(small.z, 100, 1, seededRng(2))!;
    const h1000 = calibrateDecision(large.z, 1000, 1, seededRng(2))!;
    expect(calibrateDecision(large.z, 100, 1, seededRng(2))!).toBeLessThan(h1000);
    // Checked on fresh draws from the same distribution, not the stream it was calibrated on.
    // The reference knows its tail only so far: 600 chunks resolve an ert of 100, not of 1000,
    // so within a factor of two, with enough chunks for the ert asked.
    const fresh = (of: { mean: number; sd: number }) => Float64Array.from(chiSquared(seededRng(3), 400_000), (d) => standardise(d, of.mean, of.sd) - 1);
    expect(meanRunLength(fresh(small), h100)).toBeGreaterThan(50);
    expect(meanRunLength(fresh(small), h100)).toBeLessThan(200);
    expect(meanRunLength(fresh(large), h1000)).toBeGreaterThan(500);
    expect(meanRunLength(fresh(large), h1000)).toBeLessThan(2000);
  });

  it('has no rule without at least two reference distances', () => {
    expect(sequentialRule([3], 100, 1, seededRng(1))).toBeNull();
    expect(sequentialRule([1, 2, 3], 100, 1, seededRng(1))).toMatchObject({ mean: 2, sd: 1, allowance: 1, ert: 100 });
  });
});

describe('the sequential rule in the replay', () => {
  const sequential = `alerts:
  drift:
    season: none
    minRows: 20
    thresholds: calibrated
    ert: 500
`;

  it('catches a sudden shift on the first window it acts in, and says so with the CUSUM', async () => {
    const events = await replay(
      `shifts:
  - operator: scale
    target: a
    factor: 3
    start: 2001-03-05T10:00:00
    end: 2001-03-05T14:00:00
${sequential}`,
      table(MARCH, 24, 200, 3),
    );
    const started = ofKind(events, 'replay.started')[0]!;
    expect(started.models[0]!.features[0]!.sequential).toMatchObject({ allowance: 1, ert: 500 });
    const fired = ofKind(events, 'alert.firing').filter((e) => e.rule === 'feature-psi' && e.subject === 'a');
    expect(fired[0]).toMatchObject({ from: '2001-03-05T10:00:00', message: expect.stringContaining('CUSUM') });
    expect(ofKind(events, 'shift.detected')[0]).toMatchObject({ layer: 2, rule: 'feature-psi', delayMs: HOUR });
    expect(ofKind(events, 'notice').filter((n) => n.message.includes('deprecated'))).toEqual([]);
  });

  it('fires a hard fault on its first window even with the deprecated for, which it warns about', async () => {
    const events = await replay(
      `shifts:
  - operator: null-spike
    target: a
    rate: 0.5
    start: 2001-03-05T10:00:00
    end: 2001-03-05T14:00:00
    seed: 3
alerts:
  drift:
    season: none
    minRows: 20
    for: 3
`,
      table(MARCH, 24, 200, 3),
    );
    expect(ofKind(events, 'alert.firing').find((e) => e.rule === 'feature-nulls')).toMatchObject({ from: '2001-03-05T10:00:00' });
    expect(ofKind(events, 'shift.detected')[0]).toMatchObject({ rule: 'feature-nulls', delayMs: HOUR });
    expect(ofKind(events, 'notice').map((n) => n.message)).toContainEqual(expect.stringContaining('alerts.drift.for is deprecated'));
  });

  it('refuses ert without calibrated thresholds, naming the field', () => {
    const parsed = driftAlertsSection.safeParse({ ert: 100 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['ert'], message: expect.stringContaining('thresholds: calibrated') });
  });
});

describe('budgets in windows', () => {
  it('counts a budget in the replay window', () => {
    const alerts = { drift: driftAlertsSection.parse({ window: '30m' }), budgets: { layer1: 60_000, layer2: { windows: 1 }, layer3: { windows: 6 } } };
    expect(budgetsOf(alerts)).toEqual({ layer1: 60_000, layer2: 30 * 60_000, layer3: 3 * HOUR });
  });
});
