/** Every chart's data for the report, each derived from the log by its own extractor. */
import type { ReportCharts } from '../../../../contract/charts';
import type { RunEvent } from '../../../../contract/events';
import { alertTimelineData } from './alertTimelineData';
import { driftHeatmapData } from './driftHeatmapData';
import { latencyLoadData } from './latencyLoadData';
import { predictionHistogramData } from './predictionHistogramData';
import { rolloutLatencyData } from './rolloutLatencyData';
import { trafficSplitData } from './trafficSplitData';

/** The report's charts, in the order the report shows them. */
export function reportCharts(events: readonly RunEvent[]): ReportCharts {
  return {
    driftHeatmap: driftHeatmapData(events),
    latencyLoad: latencyLoadData(events),
    trafficSplit: trafficSplitData(events),
    rolloutLatency: rolloutLatencyData(events),
    predictionHistogram: predictionHistogramData(events),
    alertTimeline: alertTimelineData(events),
  };
}
