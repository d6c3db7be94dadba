import { describe, expect, it } from 'vitest';
import type { AlertTimelineData } from '../../src-main/contract/charts';
import { drawAlertTimeline, layoutAlertTimeline } from '../../src-main/charts/alertTimeline';
import { expectEscaped, findAll, HOSTILE, parseSvg } from './wellFormed';

const data: AlertTimelineData = {
  range: { from: '2001-03-01T00:00:00', to: '2001-03-01T10:00:00' },
  alerts: [
    { layer: 2, rule: 'psi distance > 0.25', from: '2001-03-01T03:00:00', to: '2001-03-01T05:00:00' },
    { layer: 3, rule: HOSTILE, from: '2001-03-01T04:00:00', to: null },
  ],
  faults: [{ name: 'unit change: miles to km', from: '2001-03-01T02:00:00', to: '2001-03-01T06:00:00' }],
};

describe('alert timeline', () => {
  it('always has the four layer lanes in order, top to bottom', () => {
    const layout = layoutAlertTimeline({ ...data, alerts: [], faults: [] });
    expect(layout.lanes.map((l) => l.name)).toEqual(['L1 infrastructure', 'L2 data quality', 'L3 prediction', 'L4 business']);
    expect(layout.lanes.map((l) => l.y)).toEqual([...layout.lanes.map((l) => l.y)].sort((a, b) => a - b));
  });

  it('puts each alert in its layer’s lane at its event time; a fault spans every lane', () => {
    const layout = layoutAlertTimeline(data);
    const { left, right } = layout.plot;
    const hour = (right - left) / 10;
    const [l2, l3] = layout.alerts;
    expect(l2!.x).toBeCloseTo(left + 3 * hour, 9);
    expect(l2!.width).toBeCloseTo(2 * hour, 9);
    expect(l2!.y).toBe(layout.lanes[1]!.y);
    // Still firing at the end: the bar runs to the end of the range.
    expect(l3!.x + l3!.width).toBeCloseTo(right, 9);
    expect(l3!.y).toBe(layout.lanes[2]!.y);
    const fault = layout.faults[0]!;
    expect(fault.x).toBeCloseTo(left + 2 * hour, 9);
    expect(fault.y).toBeLessThan(layout.lanes[0]!.y);
    expect(fault.y + fault.height).toBeGreaterThan(layout.lanes[3]!.y + layout.lanes[3]!.height);
  });

  it('marks each detection in its layer’s lane at its time, filled within budget and hollow after it', () => {
    const layout = layoutAlertTimeline({
      ...data,
      detections: [
        { fault: 'unit change', layer: 2, at: '2001-03-01T03:00:00', delayMs: 3_600_000, outcome: 'in-budget' },
        { fault: HOSTILE, layer: 3, at: '2001-03-01T08:00:00', delayMs: 21_600_000, outcome: 'late' },
      ],
    });
    const { left, right } = layout.plot;
    const hour = (right - left) / 10;
    const [l2, l3] = layout.detections;
    expect(l2!.x).toBeCloseTo(left + 3 * hour, 9);
    expect(l2!.y).toBeCloseTo(layout.lanes[1]!.y + layout.lanes[1]!.height / 2, 9);
    expect(l2).toMatchObject({ inBudget: true, label: 'L2 data quality first caught unit change after 1.0 h (within budget)' });
    expect(l3).toMatchObject({ inBudget: false });
    expect(l3!.label).toContain('after 6.0 h (after its budget)');
    const svg = drawAlertTimeline({ ...data, detections: [{ fault: HOSTILE, layer: 3, at: '2001-03-01T08:00:00', delayMs: 21_600_000, outcome: 'late' }] });
    expect(findAll(parseSvg(svg), 'path').filter((n) => n['@class'] === 'detection')).toHaveLength(1);
    expectEscaped(svg);
  });

  it('keeps an alert outside the range inside the plot', () => {
    const layout = layoutAlertTimeline({ ...data, alerts: [{ layer: 1, rule: 'late', from: '2001-03-02T00:00:00', to: null }] });
    expect(layout.alerts[0]!.x).toBeLessThanOrEqual(layout.plot.right);
  });

  it('draws well-formed SVG with the lanes, the fault bar and escaped rule names', () => {
    const svg = drawAlertTimeline(data);
    const doc = parseSvg(svg);
    expect(findAll(doc, 'rect').filter((r) => String(r['@class']).startsWith('alert '))).toHaveLength(2);
    expect(svg).toContain('fault unit change: miles to km');
    expectEscaped(svg);
  });
});
