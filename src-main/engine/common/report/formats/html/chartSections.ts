/** The report's chart section: each chart drawn, or a short note that this run did not measure it. */
import type { ReportCharts } from '../../../../../contract/charts';
import { escapeMarkup } from '../markup';

/** Which chart. */
export type ChartKey = keyof ReportCharts;

/** The SVG of each chart that has data, drawn by src-main/charts (engine/node passes them in). */
export type ChartFigures = Readonly<Partial<Record<ChartKey, string>>>;

/** Titles and captions, in the order the report shows the charts. */
const CHARTS: readonly { readonly key: ChartKey; readonly title: string; readonly caption: string }[] = [
  {
    key: 'driftHeatmap',
    title: 'Drift by feature and window',
    caption:
      "PSI of each input feature per event-time window against its reference, coloured by its share of that series' own alert threshold in that window (what the alerts and the verdict use): calm below half of it, amber up to it, red past it. Below it, a second view of the same cells in the seed's fixed PSI bands (0.1 investigate, 0.25 retrain), which ignore how noisy each series is.",
  },
  {
    key: 'latencyLoad',
    title: 'Latency under load',
    caption: 'p50, p95 and p99 latency against the achieved request rate, one panel per resource profile; the dashed line is the p99 SLA.',
  },
  {
    key: 'trafficSplit',
    title: 'Traffic split, gates and rollback',
    caption:
      "Green's share of traffic over event time; marks are analysis gates (circle pass, diamond inconclusive, cross fail); the dashed line is the rollback.",
  },
  {
    key: 'rolloutLatency',
    title: 'Latency of each rollout step',
    caption: "p99 latency of blue and green at the router in each rollout step, at the step's event time; the dashed line is the p99 gate's SLA.",
  },
  {
    key: 'predictionHistogram',
    title: 'Predictions, blue against green',
    caption: "Each model's predicted probabilities on the same production rows, as shares of its rows per bin of 0.05.",
  },
  {
    key: 'alertTimeline',
    title: 'Alerts by monitoring layer',
    caption: 'When each layer alerted (bars in its lane) against the injected faults (shaded across the lanes).',
  },
];

/** The charts as HTML figures, in order. */
export function chartSections(charts: ReportCharts, figures: ChartFigures): string {
  return CHARTS.map(({ key, title, caption }) => {
    const slot = charts[key];
    const svg = figures[key];
    const body =
      slot.measured && svg !== undefined
        ? `${svg}<figcaption>${escapeMarkup(caption)}</figcaption>`
        : `<p class="not-measured">Not measured in this run: ${escapeMarkup(slot.measured ? 'the chart could not be drawn' : slot.reason)}.</p>`;
    return `<figure id="chart-${key}"><h3>${escapeMarkup(title)}</h3>${body}</figure>`;
  }).join('\n');
}
