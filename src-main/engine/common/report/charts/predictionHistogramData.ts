/**
 * The blue-vs-green prediction histograms from the log: each model's `score.summary` counts its
 * predictions on the production snapshot (blue and green see the same rows).
 */
import type { ChartSlot, PredictionHistogramData, PredictionSeries } from '../../../../contract/charts';
import type { RunEvent, ScoreSummary } from '../../../../contract/events';
import { notMeasured } from './notMeasured';

/** Each model's prediction counts, blue first; "not measured" when no model was scored. */
export function predictionHistogramData(events: readonly RunEvent[]): ChartSlot<PredictionHistogramData> {
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
