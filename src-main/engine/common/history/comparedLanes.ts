/** The lanes of two runs as series on one axis: drift (worst PSI per window), latency against rate per profile, rollout p99 and green's traffic share. */
import type { ReportCharts } from '../../../contract/charts';
import type { ComparedLane, LanePoint } from '../../../contract/history';

type Side = 'before' | 'after';
type Series = ComparedLane['series'][number];

/** Each lane with the series of both runs; a lane neither run measured says why. */
export function comparedLanes(a: ReportCharts, b: ReportCharts): ComparedLane[] {
  const sides: readonly [Side, ReportCharts][] = [
    ['before', a],
    ['after', b],
  ];
  const lane = (
    base: Omit<ComparedLane, 'series' | 'notMeasured'>,
    seriesOf: (charts: ReportCharts, run: Side) => Series[],
    reason: (charts: ReportCharts) => string | null,
  ): ComparedLane => {
    const series = sides.flatMap(([run, charts]) => seriesOf(charts, run));
    return { ...base, series, notMeasured: series.length > 0 ? null : (reason(a) ?? 'not measured in either run') };
  };
  return [
    lane({ lane: 'drift', title: 'Drift: worst PSI per window', axis: 'event-time', unit: 'PSI' }, driftSeries, (c) => reasonOf(c.driftHeatmap)),
    lane({ lane: 'load', title: 'Latency against request rate (p99)', axis: 'rps', unit: 'ms' }, loadSeries, (c) => reasonOf(c.latencyLoad)),
    lane({ lane: 'latency', title: 'Rollout p99 per step', axis: 'event-time', unit: 'ms' }, rolloutSeries, (c) => reasonOf(c.rolloutLatency)),
    lane({ lane: 'traffic', title: "Green's share of traffic", axis: 'event-time', unit: '%' }, trafficSeries, (c) => reasonOf(c.trafficSplit)),
  ];
}

function reasonOf(slot: { readonly measured: boolean; readonly reason?: string }): string | null {
  return slot.measured ? null : (slot.reason ?? null);
}

function driftSeries(charts: ReportCharts, run: Side): Series[] {
  const slot = charts.driftHeatmap;
  if (!slot.measured) {
    return [];
  }
  const { windows, psi } = slot.data;
  const points: LanePoint[] = [];
  windows.forEach((window, w) => {
    const values = psi.map((row) => row[w]).filter((v): v is number => v !== null && v !== undefined);
    if (values.length > 0) {
      points.push({ x: window.from, y: Math.max(...values) });
    }
  });
  return [{ name: 'worst PSI', run, points }];
}

function loadSeries(charts: ReportCharts, run: Side): Series[] {
  const slot = charts.latencyLoad;
  return slot.measured ? slot.data.profiles.map((p) => ({ name: p.name, run, points: p.points.map((point) => ({ x: point.rps, y: point.p99Ms })) })) : [];
}

function rolloutSeries(charts: ReportCharts, run: Side): Series[] {
  const slot = charts.rolloutLatency;
  if (!slot.measured) {
    return [];
  }
  return (['blue', 'green'] as const).map((role) => ({
    name: role,
    run,
    points: slot.data.steps.flatMap((s) => (s.p99Ms[role] === null ? [] : [{ x: s.from, y: s.p99Ms[role] }])),
  }));
}

function trafficSeries(charts: ReportCharts, run: Side): Series[] {
  const slot = charts.trafficSplit;
  return slot.measured ? [{ name: 'green %', run, points: slot.data.weights.map((w) => ({ x: w.at, y: w.greenPercent })) }] : [];
}
