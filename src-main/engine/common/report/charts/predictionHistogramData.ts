/**
 * The blue-vs-green prediction histograms from the log: each model's predictions counted on the
 * same bins (blue and green see the same rows). A replay's windows carry their own counts, so a
 * brushed range sums the windows it covers; otherwise each model's `score.summary` counts the
 * whole scored stretch.
 */
import type { ChartSlot, PredictionHistogramData, PredictionSeries } from '../../../../contract/charts';
import type { DriftWindow, RunEvent, ScoreSummary } from '../../../../contract/events';
import { notMeasured } from './notMeasured';

/** Each model's prediction counts, blue first; "not measured" when no model was scored. */
export function predictionHistogramData(events: readonly RunEvent[]): ChartSlot<PredictionHistogramData> {
  const windows = events.filter(
    (e): e is Extract<RunEvent, DriftWindow> => e.kind === 'drift.window' && e.prediction !== null && e.prediction.histogram.length > 0,
  );
  return windows.length > 0 ? fromWindows(windows) : fromSummaries(events);
}

/** The windows' counts summed per model (the replay's bins: twenty over [0, 1]). */
function fromWindows(windows: readonly DriftWindow[]): ChartSlot<PredictionHistogramData> {
  const byRole = new Map<'blue' | 'green', { model: string; counts: number[] }>();
  let from = windows[0]!.from;
  let to = windows[0]!.to;
  for (const w of windows) {
    const counts = w.prediction!.histogram;
    const sum = byRole.get(w.role) ?? { model: w.model, counts: new Array<number>(counts.length).fill(0) };
    counts.forEach((c, i) => (sum.counts[i] = (sum.counts[i] ?? 0) + c));
    byRole.set(w.role, sum);
    from = w.from < from ? w.from : from;
    to = w.to > to ? w.to : to;
  }
  const series: PredictionSeries[] = (['blue', 'green'] as const).flatMap((role) => {
    const sum = byRole.get(role);
    return sum === undefined ? [] : [{ role, model: sum.model, counts: sum.counts }];
  });
  return { measured: true, data: { lo: 0, hi: 1, range: { from, to }, series } };
}

function fromSummaries(events: readonly RunEvent[]): ChartSlot<PredictionHistogramData> {
  // The last summary of each role: a summary covers the whole scored stretch.
  const byRole = new Map<'blue' | 'green', ScoreSummary>();
  for (const event of events) {
    if (event.kind === 'score.summary') {
      byRole.set(event.role, event);
    }
  }
  const summaries = (['blue', 'green'] as const).flatMap((role) => byRole.get(role) ?? []);
  const first = summaries[0];
  if (first === undefined) {
    return notMeasured('no model was scored in this run');
  }
  const { lo, hi, counts } = first.histogram;
  // Bars side by side need the same bins; a summary on other bins cannot share the chart.
  const comparable = summaries.filter((s) => s.histogram.lo === lo && s.histogram.hi === hi && s.histogram.counts.length === counts.length);
  const series: PredictionSeries[] = comparable.map((s) => ({ role: s.role, model: s.model, counts: s.histogram.counts }));
  const froms = comparable.flatMap((s) => s.from ?? []).sort();
  const tos = comparable.flatMap((s) => s.to ?? []).sort();
  const range = froms.length > 0 && tos.length > 0 ? { from: froms[0]!, to: tos.at(-1)! } : null;
  return { measured: true, data: { lo, hi, range, series } };
}
