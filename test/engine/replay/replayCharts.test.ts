/**
 * The replay's events reach the report's charts and the app's lanes: the drift heatmap
 * (one row per model and series, at most 200 columns each the largest PSI it covers), the alert
 * timeline (alerts per layer, shifts as bars), prediction histograms summed over the windows of a
 * brushed range, and the spans a brushed range keeps.
 */
import { describe, expect, it } from 'vitest';
import type { DriftWindow, RunEventBody } from '../../../src-main/contract/events';
import { alertTimelineData } from '../../../src-main/engine/common/report/charts/alertTimelineData';
import { driftHeatmapData } from '../../../src-main/engine/common/report/charts/driftHeatmapData';
import { predictionHistogramData } from '../../../src-main/engine/common/report/charts/predictionHistogramData';
import { formatEventTime } from '../../../src-main/engine/common/time/eventTime';
import { eventSpan, eventsInRange } from '../../../src-main/engine/common/view/eventSpan';
import { logOf, started } from '../../support/reportLogs';

const HOUR = 3_600_000;
const MARCH = Date.UTC(2001, 2, 1);

function window(role: 'blue' | 'green', hour: number, psi: readonly (number | null)[], histogram = [1, 2, 3]): DriftWindow {
  const series = (name: string, p: number | null) => ({
    name,
    status: p === null ? ('insufficient-data' as const) : ('stable' as const),
    psi: p,
    n: 10,
    referenceN: 100,
    nullRate: 0,
  });
  return {
    kind: 'drift.window',
    role,
    model: `${role}-model`,
    from: formatEventTime(MARCH + hour * HOUR),
    to: formatEventTime(MARCH + (hour + 1) * HOUR),
    rows: 10,
    scored: 10,
    refused: 0,
    slice: { label: 'all', rows: 100 },
    features: [series('distance', psi[0]!), series('origin_index', psi[1]!)],
    prediction: { ...series('prediction', psi[2]!), mean: 0.2, histogram },
  };
}

const replayStart: RunEventBody = { ...(started() as Extract<RunEventBody, { kind: 'run.started' }>), phases: ['preflight', 'replay', 'verdict'] };

describe('drift heatmap from the replay', () => {
  it('has a row per model and series, blue first, a column per window, and the bands in force', () => {
    const events = logOf([
      replayStart,
      window('green', 0, [0.3, null, 0.01]),
      window('blue', 0, [0.05, 0.2, 0]),
      window('blue', 1, [0.5, 0.1, 0.02]),
      window('green', 1, [0, 0, 0]),
    ]);
    expect(driftHeatmapData(events)).toEqual({
      measured: true,
      data: {
        features: ['blue · distance', 'blue · origin_index', 'blue · prediction', 'green · distance', 'green · origin_index', 'green · prediction'],
        windows: [
          { from: '2001-03-01T00:00:00', to: '2001-03-01T01:00:00' },
          { from: '2001-03-01T01:00:00', to: '2001-03-01T02:00:00' },
        ],
        psi: [
          [0.05, 0.5],
          [0.2, 0.1],
          [0, 0.02],
          [0.3, 0],
          [null, 0],
          [0.01, 0],
        ],
        bands: { investigate: 0.1, retrain: 0.25 },
      },
    });
  });

  it('merges a long replay into at most 200 columns, each the largest PSI of its windows', () => {
    const hours = 2_928;
    const events = logOf([replayStart, ...Array.from({ length: hours }, (_, h) => window('blue', h, [h === 1_000 ? 9 : 0.01, null, 0]))]);
    const slot = driftHeatmapData(events);
    expect(slot.measured).toBe(true);
    const data = slot.measured ? slot.data : null;
    expect(data!.features).toEqual(['distance', 'origin_index', 'prediction']);
    expect(data!.windows.length).toBeLessThanOrEqual(200);
    expect(data!.windows[0]).toEqual({ from: '2001-03-01T00:00:00', to: '2001-03-01T15:00:00' });
    expect(data!.windows.at(-1)!.to).toBe(formatEventTime(MARCH + hours * HOUR));
    expect(Math.max(...(data!.psi[0] as number[]))).toBe(9);
    expect(data!.psi[1]!.every((p) => p === null)).toBe(true);
  });
});

describe("drift heatmap against each series' own threshold", () => {
  it("gives each cell its PSI over the PSI that alerts on its own there: the calibrated threshold, or the sequential rule's at the window's size", () => {
    const watched = (
      name: string,
      psiThreshold: number,
      sequential?: { mean: number; sd: number; allowance: number; decision: number; ert: number; psi: null },
    ) => ({
      name,
      kind: 'numeric' as const,
      compared: 'value',
      psiThreshold,
      thresholdSource: 'calibrated' as const,
      calibration: null,
      ...(sequential ? { sequential } : {}),
    });
    const replayStarted: RunEventBody = {
      kind: 'replay.started',
      windowMs: HOUR,
      season: 'none',
      minRows: 5,
      bands: { investigate: 0.1, retrain: 0.25 },
      forWindows: 1,
      rows: null,
      models: [
        {
          role: 'blue',
          model: 'blue-model',
          reference: null,
          // origin_index: one window of 10 against 100 alarms alone past (10 + 2 x (4 + 1)) x 110 / 1000 = 2.2.
          features: [watched('distance', 0.5), watched('origin_index', 0.3, { mean: 10, sd: 2, allowance: 1, decision: 4, ert: 500, psi: null })],
          prediction: watched('prediction', 0.2),
          labels: null,
        },
      ],
    };
    const slot = driftHeatmapData(logOf([replayStart, replayStarted, window('blue', 0, [0.25, 1.1, null]), window('blue', 1, [1, 4.4, 0.3])]));
    const data = slot.measured ? slot.data : null;
    expect(data!.psi[1]).toEqual([1.1, 4.4]);
    expect(data!.relative!.map((row) => row.map((r) => (r === null ? null : Number(r.toFixed(6)))))).toEqual([
      [0.5, 2],
      [0.5, 2],
      [null, 1.5],
    ]);
  });
});

describe('alert timeline from the replay', () => {
  it('draws each alert from firing to resolved in its layer, still-firing ones to the end, and shifts as bars', () => {
    const key = { layer: 2 as const, rule: 'feature-psi', role: 'blue' as const, subject: 'distance' };
    const events = logOf([
      replayStart,
      window('blue', 0, [0, 0, 0]),
      {
        kind: 'shift.injected',
        index: 0,
        name: 'scale distance (x3 + 0)',
        operator: 'scale',
        targets: ['distance'],
        from: '2001-03-01T01:00:00',
        to: null,
        onset: 'sudden',
      },
      { kind: 'alert.firing', ...key, value: 0.9, threshold: 0.25, from: '2001-03-01T01:00:00', to: '2001-03-01T02:00:00', message: 'm' },
      { kind: 'alert.resolved', ...key, from: '2001-03-01T01:00:00', to: '2001-03-01T03:00:00' },
      {
        kind: 'alert.firing',
        layer: 4,
        rule: 'label-auc',
        role: 'blue',
        subject: 'label',
        value: 0.5,
        threshold: 0.6,
        from: '2001-03-01T02:00:00',
        to: '2001-03-01T03:00:00',
        message: 'm',
      },
      window('blue', 3, [0, 0, 0]),
    ]);
    expect(alertTimelineData(events)).toEqual({
      measured: true,
      data: {
        range: { from: '2001-03-01T00:00:00', to: '2001-03-01T04:00:00' },
        alerts: [
          { layer: 2, rule: 'feature-psi blue distance', from: '2001-03-01T01:00:00', to: '2001-03-01T03:00:00' },
          { layer: 4, rule: 'label-auc blue label', from: '2001-03-01T02:00:00', to: null },
        ],
        faults: [{ name: 'scale distance (x3 + 0)', from: '2001-03-01T01:00:00', to: null }],
        detections: [],
      },
    });
  });

  it('marks where each layer first caught each fault, from the detection timeline; a server fault stays off the event-time chart', () => {
    const layer = (n: 1 | 2 | 3 | 4, at: string | null, delayMs: number | null, outcome: 'in-budget' | 'late' | 'missed' | 'confirms') => ({
      layer: n,
      budgetMs: n === 4 ? null : 3_600_000,
      at,
      delayMs,
      rule: at === null ? null : 'r',
      outcome,
    });
    const events = logOf([
      replayStart,
      window('blue', 0, [0, 0, 0]),
      {
        kind: 'shift.injected',
        index: 0,
        name: 'scale distance',
        operator: 'scale',
        targets: ['distance'],
        from: '2001-03-01T01:00:00',
        to: null,
        onset: 'sudden',
      },
      window('blue', 3, [0, 0, 0]),
      {
        kind: 'monitoring.detection',
        source: 'shift',
        index: 0,
        name: 'scale distance',
        from: '2001-03-01T01:00:00',
        blindSpot: false,
        layers: [
          layer(1, null, null, 'missed'),
          layer(2, '2001-03-01T02:00:00', 3_600_000, 'in-budget'),
          layer(3, '2001-03-01T04:00:00', 10_800_000, 'late'),
          layer(4, '2001-03-01T04:00:00', 10_800_000, 'confirms'),
        ],
      },
      {
        kind: 'monitoring.detection',
        source: 'server-fault',
        index: 0,
        name: 'errors',
        from: '2026-11-28T12:00:00.000Z',
        blindSpot: false,
        layers: [
          layer(1, '2026-11-28T12:00:02.000Z', 2000, 'in-budget'),
          layer(2, null, null, 'missed'),
          layer(3, null, null, 'missed'),
          layer(4, null, null, 'missed'),
        ],
      },
    ]);
    const slot = alertTimelineData(events);
    expect(slot.measured && slot.data.detections).toEqual([
      { fault: 'scale distance', layer: 2, at: '2001-03-01T02:00:00', delayMs: 3_600_000, outcome: 'in-budget' },
      { fault: 'scale distance', layer: 3, at: '2001-03-01T04:00:00', delayMs: 10_800_000, outcome: 'late' },
      { fault: 'scale distance', layer: 4, at: '2001-03-01T04:00:00', delayMs: 10_800_000, outcome: 'confirms' },
    ]);
  });

  it('merges a flapping rule into a few bars, so the report stays small', () => {
    const bodies: RunEventBody[] = [replayStart];
    for (let h = 0; h < 1_000; h += 2) {
      const at = (k: number) => formatEventTime(MARCH + (h + k) * HOUR);
      bodies.push({
        kind: 'alert.firing',
        layer: 2,
        rule: 'feature-psi',
        role: 'blue',
        subject: `f${h % 7}`,
        value: 1,
        threshold: 0.25,
        from: at(0),
        to: at(1),
        message: 'm',
      });
      bodies.push({ kind: 'alert.resolved', layer: 2, rule: 'feature-psi', role: 'blue', subject: `f${h % 7}`, from: at(0), to: at(1) });
    }
    const slot = alertTimelineData(logOf(bodies));
    expect(slot.measured && slot.data.alerts.length).toBeLessThanOrEqual(300);
  });
});

describe('a brushed range of a replay', () => {
  it('keeps the windows it overlaps and sums their prediction counts per model', () => {
    const events = logOf([
      replayStart,
      window('blue', 0, [0, 0, 0], [1, 0, 0]),
      window('blue', 1, [0, 0, 0], [0, 2, 0]),
      window('green', 1, [0, 0, 0], [0, 0, 5]),
      window('blue', 2, [0, 0, 0], [0, 0, 7]),
    ]);
    expect(eventSpan(events[2]!)).toEqual({ from: MARCH + HOUR, to: MARCH + 2 * HOUR });
    const brushed = eventsInRange(events, { from: '2001-03-01T01:30:00', to: '2001-03-01T01:45:00' });
    expect(predictionHistogramData(brushed)).toEqual({
      measured: true,
      data: {
        lo: 0,
        hi: 1,
        range: { from: '2001-03-01T01:00:00', to: '2001-03-01T02:00:00' },
        series: [
          { role: 'blue', model: 'blue-model', counts: [0, 2, 0] },
          { role: 'green', model: 'green-model', counts: [0, 0, 5] },
        ],
      },
    });
  });
});
