/**
 * The drift heatmap's data from the log: the replay's `drift.window` events, one row
 * per model and watched series (`green · distance`, or `distance` with one model; predictions
 * last), one column per event-time window. Each cell has its PSI (for the seed's fixed bands) and
 * that PSI relative to the series' own alert threshold in that window (what the alerts and the
 * verdict use), so the picture and the verdict agree. A long replay is aggregated to at most 200
 * columns, each the largest figure of the windows it covers, so report.json stays small; the app
 * asks for a range and sees every window once it is zoomed in that far.
 */
import type { ChartSlot, DriftHeatmapData, EventTimeRange } from '../../../../contract/charts';
import type { DriftWindow, ReplayStarted, RunEvent, WatchedSeries, WindowSeries } from '../../../../contract/events';
import { oneWindowPsi } from '../../monitoring/sequentialDrift';
import { SEED_PSI_BANDS } from '../../stats/psiBands';
import { notMeasured, phaseReason } from './notMeasured';

/** The most columns the chart gets; more windows are merged. */
export const MAX_HEATMAP_COLUMNS = 200;

/** Feature x window PSI from the replay's drift events; "not measured" without them. */
export function driftHeatmapData(events: readonly RunEvent[]): ChartSlot<DriftHeatmapData> {
  const windows = events.filter((e): e is Extract<RunEvent, DriftWindow> => e.kind === 'drift.window');
  if (windows.length === 0) {
    return notMeasured(phaseReason(events, 'replay', 'drift per feature and event-time window'));
  }
  const started = events.find((e) => e.kind === 'replay.started');
  const bands = started?.kind === 'replay.started' ? started.bands : SEED_PSI_BANDS;
  const roles = [...new Set(windows.map((w) => w.role))].sort((a, b) => (a === b ? 0 : a === 'blue' ? -1 : 1));
  // Rows in model-card order, as the first window of each model lists its series.
  const rows = roles.flatMap((role) => {
    const first = windows.find((w) => w.role === role)!;
    return [...first.features.map((f) => f.name), ...(first.prediction ? ['prediction'] : [])].map((name) => ({ role, name }));
  });
  const label = (role: string, name: string): string => (roles.length > 1 ? `${role} · ${name}` : name);
  const starts = [...new Set(windows.map((w) => w.from))].sort();
  const column = new Map(starts.map((from, i) => [from, i]));
  const ends = new Array<string>(starts.length).fill('');
  const psi = rows.map(() => new Array<number | null>(starts.length).fill(null));
  const relative = rows.map(() => new Array<number | null>(starts.length).fill(null));
  const rowOf = new Map(rows.map((r, i) => [`${r.role}|${r.name}`, i]));
  const watched = watchedSeries(started?.kind === 'replay.started' ? started : undefined);
  for (const w of windows) {
    const c = column.get(w.from)!;
    ends[c] = ends[c]! > w.to ? ends[c]! : w.to;
    for (const series of [...w.features, ...(w.prediction ? [w.prediction] : [])]) {
      const key = `${w.role}|${series.name}`;
      const r = rowOf.get(key);
      if (r !== undefined) {
        psi[r]![c] = series.psi;
        relative[r]![c] = relativeOf(series, watched.get(key));
      }
    }
  }
  const per = Math.ceil(starts.length / MAX_HEATMAP_COLUMNS);
  const merged: EventTimeRange[] = [];
  for (let c = 0; c < starts.length; c += per) {
    merged.push({ from: starts[c]!, to: ends[Math.min(c + per, starts.length) - 1]! });
  }
  return {
    measured: true,
    data: {
      features: rows.map((r) => label(r.role, r.name)),
      windows: merged,
      psi: psi.map((row) => merged.map((_, m) => largest(row.slice(m * per, (m + 1) * per)))),
      bands: { investigate: bands.investigate, retrain: bands.retrain },
      ...(watched.size > 0 ? { relative: relative.map((row) => merged.map((_, m) => largest(row.slice(m * per, (m + 1) * per)))) } : {}),
    },
  };
}

/** Each watched series of the replay by `role|name`. */
function watchedSeries(started: ReplayStarted | undefined): Map<string, WatchedSeries> {
  const out = new Map<string, WatchedSeries>();
  for (const m of started?.models ?? []) {
    for (const s of [...m.features, ...(m.prediction ? [m.prediction] : [])]) {
      out.set(`${m.role}|${s.name}`, s);
    }
  }
  return out;
}

/** A window's PSI over the PSI that alerts on its own for that series at that window's size. */
function relativeOf(series: WindowSeries, watched: WatchedSeries | undefined): number | null {
  if (series.psi === null || watched === undefined) {
    return null;
  }
  const threshold = watched.sequential ? oneWindowPsi(watched.sequential, series.n, series.referenceN) : watched.psiThreshold;
  // Capped so that a series whose reference never varied (threshold 0) stays a finite, JSON-safe figure.
  return threshold > 0 ? Math.min(MAX_RELATIVE, series.psi / threshold) : series.psi > 0 ? MAX_RELATIVE : 0;
}

/** The largest relative figure a cell carries: far past any colour's edge. */
const MAX_RELATIVE = 100;

/** The largest PSI of merged windows; null when none of them had one. */
function largest(values: readonly (number | null)[]): number | null {
  let max: number | null = null;
  for (const v of values) {
    if (v !== null && (max === null || v > max)) {
      max = v;
    }
  }
  return max;
}
