/** The shared event-time axis of the app's timeline: lanes on one frame line up. */
import { describe, expect, it } from 'vitest';
import type { AlertTimelineData, DriftHeatmapData, RolloutLatencyData, TrafficSplitData } from '../../src-main/contract/charts';
import { layoutAlertTimeline } from '../../src-main/charts/alertTimeline';
import { layoutDriftHeatmap } from '../../src-main/charts/driftHeatmap';
import { drawRolloutLatency, layoutRolloutLatency } from '../../src-main/charts/rolloutLatency';
import { layoutTimeAxis, timeAtX, xAtTime, type TimeFrame } from '../../src-main/charts/timeFrame';
import { layoutTrafficSplit } from '../../src-main/charts/trafficSplit';
import { findAll, parseSvg } from './wellFormed';

const FRAME: TimeFrame = { range: { from: '2001-03-01T00:00:00', to: '2001-03-05T00:00:00' }, left: 160 };
const WIDTH = 960;
const MARCH_3 = '2001-03-03T00:00:00';

describe('time frame', () => {
  it('maps event times to x and back, clamped to the range', () => {
    const right = WIDTH - 12;
    expect(xAtTime(FRAME, WIDTH, '2001-03-01T00:00:00')).toBe(160);
    expect(xAtTime(FRAME, WIDTH, MARCH_3)).toBeCloseTo(160 + (right - 160) / 2, 9);
    expect(timeAtX(FRAME, WIDTH, 160 + (right - 160) / 4)).toBe('2001-03-02T00:00:00');
    expect(timeAtX(FRAME, WIDTH, 0)).toBe('2001-03-01T00:00:00');
    expect(timeAtX(FRAME, WIDTH, 5000)).toBe('2001-03-05T00:00:00');
    expect(layoutTimeAxis(FRAME, WIDTH).ticks.map((t) => t.label)).toContain('Mar 03');
  });

  it('puts one instant at the same x in the drift, traffic, latency and alert lanes', () => {
    const drift: DriftHeatmapData = {
      features: ['a very long feature name that would not fit in the margin'],
      windows: [{ from: '2001-03-02T00:00:00', to: MARCH_3 }],
      psi: [[0.3]],
      bands: { investigate: 0.1, retrain: 0.25 },
    };
    const traffic: TrafficSplitData = {
      range: { from: '2001-03-02T00:00:00', to: '2001-03-04T00:00:00' },
      weights: [{ at: '2001-03-02T00:00:00', greenPercent: 20 }],
      gates: [],
      rollback: { at: MARCH_3, reason: 'p99' },
    };
    const latency: RolloutLatencyData = {
      range: traffic.range,
      slaMs: 50,
      steps: [{ from: MARCH_3, to: '2001-03-04T00:00:00', greenPercent: 20, p99Ms: { blue: 20, green: 120 } }],
    };
    const alerts: AlertTimelineData = { range: traffic.range, alerts: [{ layer: 3, rule: 'psi', from: MARCH_3, to: null }], faults: [] };
    const x = xAtTime(FRAME, WIDTH, MARCH_3);
    const heatmap = layoutDriftHeatmap(drift, WIDTH, FRAME);
    expect(heatmap.cells[0]!.x + heatmap.cells[0]!.width).toBeCloseTo(x, 9);
    expect(heatmap.plot.left).toBe(160);
    expect(heatmap.rows[0]!.label.length).toBeLessThanOrEqual(Math.floor((160 - 12) / 6.2));
    expect(layoutTrafficSplit(traffic, WIDTH, FRAME).rollback!.x).toBeCloseTo(x, 9);
    expect(layoutRolloutLatency(latency, WIDTH, FRAME).segments[0]!.x1).toBeCloseTo(x, 9);
    expect(layoutAlertTimeline(alerts, WIDTH, FRAME).alerts[0]!.x).toBeCloseTo(x, 9);
  });

  it('without a frame, each chart keeps its own axis as the report draws it', () => {
    const traffic: TrafficSplitData = {
      range: { from: '2001-03-02T00:00:00', to: '2001-03-04T00:00:00' },
      weights: [],
      gates: [],
      rollback: { at: MARCH_3, reason: 'p99' },
    };
    const layout = layoutTrafficSplit(traffic, 720);
    expect(layout.rollback!.x).toBeCloseTo((layout.plot.left + layout.plot.right) / 2, 9);
  });
});

describe('rollout latency', () => {
  const data: RolloutLatencyData = {
    range: { from: '2001-03-01T00:00:00', to: '2001-03-03T00:00:00' },
    slaMs: 100,
    steps: [
      { from: '2001-03-01T00:00:00', to: '2001-03-02T00:00:00', greenPercent: 10, p99Ms: { blue: 40, green: 45 } },
      { from: '2001-03-02T00:00:00', to: '2001-03-03T00:00:00', greenPercent: 50, p99Ms: { blue: 42, green: null } },
    ],
  };

  it('draws a level segment per model and step at its p99, below the SLA line when within it', () => {
    const layout = layoutRolloutLatency(data);
    expect(layout.segments.map((s) => [s.role, s.p99Ms])).toEqual([
      ['blue', 40],
      ['green', 45],
      ['blue', 42],
    ]);
    expect(layout.segments.every((s) => s.y > layout.slaY!)).toBe(true);
    expect(layout.segments[2]!.x1).toBeCloseTo((layout.plot.left + layout.plot.right) / 2, 9);
  });

  it('is well-formed SVG: a titled segment per model and step, and the SLA line', () => {
    const document = parseSvg(drawRolloutLatency(data));
    const steps = findAll(document, 'line').filter((l) => String(l['@class']).startsWith('step'));
    expect(steps.map((l) => l['@class'])).toEqual(['step step-blue', 'step step-green', 'step step-blue']);
    expect(findAll(steps[1], 'title')[0]).toBe('green p99 45 ms from 2001-03-01T00:00:00 to 2001-03-02T00:00:00 (green at 10%)');
    expect(findAll(document, 'line').filter((l) => l['@class'] === 'sla')).toHaveLength(1);
  });
});
