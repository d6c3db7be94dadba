/** Draws the report's charts that have data, through the chart module shared with the desktop app. */
import type { ReportCharts } from '../../../contract/charts';
import { drawAlertTimeline } from '../../../charts/alertTimeline';
import { drawDriftHeatmap } from '../../../charts/driftHeatmap';
import { drawLatencyLoad } from '../../../charts/latencyLoad';
import { drawPredictionHistogram } from '../../../charts/predictionHistogram';
import { drawTrafficSplit } from '../../../charts/trafficSplit';
import type { ChartFigures } from '../../common/report/formats/html/chartSections';

/** The SVG of every measured chart; unmeasured ones are left out (the HTML says why). */
export function drawCharts(charts: ReportCharts): ChartFigures {
  const { driftHeatmap, latencyLoad, trafficSplit, predictionHistogram, alertTimeline } = charts;
  return {
    ...(driftHeatmap.measured ? { driftHeatmap: drawDriftHeatmap(driftHeatmap.data) } : {}),
    ...(latencyLoad.measured ? { latencyLoad: drawLatencyLoad(latencyLoad.data) } : {}),
    ...(trafficSplit.measured ? { trafficSplit: drawTrafficSplit(trafficSplit.data) } : {}),
    ...(predictionHistogram.measured ? { predictionHistogram: drawPredictionHistogram(predictionHistogram.data) } : {}),
    ...(alertTimeline.measured ? { alertTimeline: drawAlertTimeline(alertTimeline.data) } : {}),
  };
}
