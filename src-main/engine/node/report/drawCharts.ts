/** Draws the report's charts that have data, through the chart module shared with the desktop app. */
import type { ChartSlot, DriftHeatmapData, ReportCharts } from '../../../contract/charts';
import { drawAlertTimeline } from '../../../charts/alertTimeline';
import { drawDriftHeatmap, drawnView } from '../../../charts/driftHeatmap';
import { drawLatencyLoad } from '../../../charts/latencyLoad';
import { drawPredictionHistogram } from '../../../charts/predictionHistogram';
import { drawRolloutLatency } from '../../../charts/rolloutLatency';
import { drawTrafficSplit } from '../../../charts/trafficSplit';
import type { ChartFigures } from '../../common/report/formats/html/chartSections';
import { escapeMarkup } from '../../common/report/formats/markup';

/** The SVG of every measured chart; unmeasured ones are left out (the HTML says why). */
export function drawCharts(charts: ReportCharts): ChartFigures {
  return {
    ...figure('driftHeatmap', charts.driftHeatmap, drawBothHeatmaps),
    ...figure('latencyLoad', charts.latencyLoad, drawLatencyLoad),
    ...figure('trafficSplit', charts.trafficSplit, drawTrafficSplit),
    ...figure('rolloutLatency', charts.rolloutLatency, drawRolloutLatency),
    ...figure('predictionHistogram', charts.predictionHistogram, drawPredictionHistogram),
    ...figure('alertTimeline', charts.alertTimeline, drawAlertTimeline),
  };
}

/** The heatmap relative to each series' own threshold, then the seed's fixed bands as a second, labelled view (only the bands when the log has no thresholds). */
function drawBothHeatmaps(data: DriftHeatmapData): string {
  if (drawnView(data, 'threshold') === 'bands') {
    return drawDriftHeatmap(data, 720, 'bands');
  }
  return `${drawDriftHeatmap(data, 720, 'threshold')}<p class="chart-view">Second view: the seed's fixed PSI bands (0.1 and 0.25), not the alert thresholds.</p>${drawDriftHeatmap(data, 720, 'bands')}`;
}

/** One chart drawn; a chart that cannot be drawn says why in its place rather than losing the whole report. */
function figure<K extends keyof ReportCharts, T>(key: K, slot: ChartSlot<T>, draw: (data: T) => string): ChartFigures {
  if (!slot.measured) {
    return {};
  }
  try {
    return { [key]: draw(slot.data) };
  } catch (error) {
    return { [key]: `<p class="not-measured">This chart could not be drawn: ${escapeMarkup(error instanceof Error ? error.message : String(error))}</p>` };
  }
}
