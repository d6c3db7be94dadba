import { describe, expect, it } from 'vitest';
import type { TrafficSplitData } from '../../src-main/contract/charts';
import { drawTrafficSplit, layoutTrafficSplit } from '../../src-main/charts/trafficSplit';
import { expectEscaped, findAll, HOSTILE, parseSvg } from './wellFormed';

const data: TrafficSplitData = {
  range: { from: '2001-03-01T00:00:00', to: '2001-03-05T00:00:00' },
  weights: [
    { at: '2001-03-01T00:00:00', greenPercent: 10 },
    { at: '2001-03-02T00:00:00', greenPercent: 50 },
    { at: '2001-03-03T00:00:00', greenPercent: 0 },
  ],
  gates: [
    { at: '2001-03-02T00:00:00', name: 'error-rate', outcome: 'pass' },
    { at: '2001-03-02T12:00:00', name: 'p99', outcome: 'inconclusive' },
    { at: '2001-03-03T00:00:00', name: HOSTILE, outcome: 'fail' },
  ],
  rollback: { at: '2001-03-03T00:00:00', reason: 'gate p99 failed' },
};

describe('traffic split', () => {
  it('steps green’s share at each weight change and holds it to the end of the range', () => {
    const layout = layoutTrafficSplit(data);
    const { left, right, top, bottom } = layout.plot;
    const day = (right - left) / 4;
    const y = (percent: number) => bottom - ((bottom - top) * percent) / 100;
    // A step-after area: horizontal runs at 10%, 50%, then 0% to the end, closed along the bottom.
    const numbers = layout.greenArea.match(/-?[\d.]+/g)!.map(Number);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.max(...xs)).toBeCloseTo(right, 1);
    expect(ys).toContain(Math.round(y(10) * 100) / 100);
    expect(ys).toContain(Math.round(y(50) * 100) / 100);
    expect(xs).toContain(Math.round((left + day) * 100) / 100);
    expect(xs).toContain(Math.round((left + 2 * day) * 100) / 100);
  });

  it('places gates and the rollback at their event times', () => {
    const layout = layoutTrafficSplit(data);
    const { left, right } = layout.plot;
    const day = (right - left) / 4;
    expect(layout.gates.map((g) => g.x)).toEqual([left + day, left + 1.5 * day, left + 2 * day].map((v) => expect.closeTo(v, 9)));
    expect(layout.gates.map((g) => g.outcome)).toEqual(['pass', 'inconclusive', 'fail']);
    expect(layout.rollback?.x).toBeCloseTo(left + 2 * day, 9);
    expect(layout.yTicks.at(-1)?.label).toBe('100%');
  });

  it('draws well-formed SVG with a distinct mark per gate outcome, the rollback line and escaped names', () => {
    const svg = drawTrafficSplit(data);
    const doc = parseSvg(svg);
    const gates = findAll(doc, 'path').filter((p) => String(p['@class']).startsWith('gate '));
    expect(gates.map((g) => g['@class'])).toEqual(['gate gate-pass', 'gate gate-inconclusive', 'gate gate-fail']);
    expect(new Set(gates.map((g) => g['@d'])).size).toBe(3);
    expect(svg).toContain('rollback at 2001-03-03T00:00:00: gate p99 failed');
    expectEscaped(svg);
  });

  it('draws without a rollback, and without weight changes (all blue)', () => {
    const svg = drawTrafficSplit({ ...data, weights: [], gates: [], rollback: null });
    parseSvg(svg);
    expect(svg).not.toContain('class="rollback"');
  });
});
