/**
 * The plain input data of each chart (DESIGN.md, "The main screen"). The engine derives
 * them from the event log (`engine/common/report/charts/`), `src-main/charts` draws them, and the
 * HTML report and the desktop app read the same shapes. They live in the contract, not in
 * `charts/`, because `engine/common` may import only the contract (eslint/layering.js).
 *
 * Times are event times as the log writes them (`2001-03-01T06:00:00`, the data's own clock, no
 * zone); the charts read them as if UTC, as the engine does.
 */

/** A chart's data, or why this run has none (the report then says "not measured in this run"). */
export type ChartSlot<T> = { readonly measured: true; readonly data: T } | { readonly measured: false; readonly reason: string };

/** A stretch of event time, `to` excluded. */
export interface EventTimeRange {
  readonly from: string;
  readonly to: string;
}

/** PSI thresholds: below `investigate` is stable, above `retrain` needs retraining (the seed: 0.1, 0.25). */
export interface PsiBands {
  readonly investigate: number;
  readonly retrain: number;
}

/** Drift heatmap: one row per input feature, one column per event-time window, coloured by PSI band. */
export interface DriftHeatmapData {
  readonly features: readonly string[];
  readonly windows: readonly EventTimeRange[];
  /** `psi[f][w]` for feature `features[f]` in window `windows[w]`; null when the window had too little data. */
  readonly psi: readonly (readonly (number | null)[])[];
  readonly bands: PsiBands;
  /**
   * `relative[f][w]`: the PSI as a share of the PSI that alerts on its own in that window for that
   * series (its calibrated threshold, or its sequential rule's one-window figure at the window's
   * size): 1 is the series' own alert threshold. Absent in logs that recorded no thresholds.
   */
  readonly relative?: readonly (readonly (number | null)[])[];
}

/** One load level's latency percentiles, in milliseconds, at the rate actually achieved. */
export interface LatencyPoint {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
}

/** Latency percentiles against request rate, one panel per resource profile, with the SLA line. */
export interface LatencyLoadData {
  /** The p99 SLA in milliseconds; null when the scenario sets none. */
  readonly slaMs: number | null;
  readonly profiles: readonly { readonly name: string; readonly points: readonly LatencyPoint[] }[];
}

/** What an analysis gate decided (Argo Rollouts' three outcomes; DESIGN.md, "Contracts"). */
export type GateOutcome = 'pass' | 'fail' | 'inconclusive';

/** Traffic split over event time: green's weight, the gates' results and the rollback, if any. */
export interface TrafficSplitData {
  readonly range: EventTimeRange;
  /** Green's share of traffic in percent from `at` on, in time order; blue has the rest. */
  readonly weights: readonly { readonly at: string; readonly greenPercent: number }[];
  readonly gates: readonly { readonly at: string; readonly name: string; readonly outcome: GateOutcome }[];
  readonly rollback: { readonly at: string; readonly reason: string } | null;
}

/** One model's predictions counted on the chart's bins. */
export interface PredictionSeries {
  readonly role: 'blue' | 'green';
  readonly model: string;
  /** Counts per bin; bins are equal-width over [lo, hi]. */
  readonly counts: readonly number[];
}

/** Prediction histograms, blue against green on the same rows, as shares of each model's rows. */
export interface PredictionHistogramData {
  readonly lo: number;
  readonly hi: number;
  /** The event time the counts cover; null when unknown. */
  readonly range: EventTimeRange | null;
  readonly series: readonly PredictionSeries[];
}

/** The four monitoring layers of the seed: infrastructure, data quality, prediction, business. */
export type MonitoringLayer = 1 | 2 | 3 | 4;

/** Alert timeline: four lanes (one per layer) with each alert, and the injected faults as bars. */
export interface AlertTimelineData {
  readonly range: EventTimeRange;
  /** `to` is null while an alert is still firing at the end of the run. */
  readonly alerts: readonly { readonly layer: MonitoringLayer; readonly rule: string; readonly from: string; readonly to: string | null }[];
  /** Injected shifts and faults; `to` null when it lasts to the end. */
  readonly faults: readonly { readonly name: string; readonly from: string; readonly to: string | null }[];
  /** `real`: the times are wall-clock (server faults during the load); absent: event time. */
  readonly clock?: 'real';
  /**
   * The detection timeline: each layer's first alert on each injected fault, with its
   * delay and how that compares with the layer's budget. Absent in reports written before it.
   */
  readonly detections?: readonly AlertDetectionMark[];
}

/** One layer's first alert on one injected fault. */
export interface AlertDetectionMark {
  readonly fault: string;
  readonly layer: MonitoringLayer;
  readonly at: string;
  readonly delayMs: number;
  readonly outcome: 'in-budget' | 'late' | 'confirms';
}

/** Every chart of the report, in the order it shows them. */
export interface ReportCharts {
  readonly driftHeatmap: ChartSlot<DriftHeatmapData>;
  readonly latencyLoad: ChartSlot<LatencyLoadData>;
  readonly trafficSplit: ChartSlot<TrafficSplitData>;
  readonly rolloutLatency: ChartSlot<RolloutLatencyData>;
  readonly predictionHistogram: ChartSlot<PredictionHistogramData>;
  readonly alertTimeline: ChartSlot<AlertTimelineData>;
}

/**
 * p99 latency of each rollout step at its event time, blue and green (DESIGN.md's timeline),
 * measured at the router; filled by the rollout, shown by the app's timeline and
 * the report.
 */
export interface RolloutLatencyData {
  readonly range: EventTimeRange;
  /** The p99 SLA in milliseconds; null when the scenario sets none. */
  readonly slaMs: number | null;
  readonly steps: readonly {
    readonly from: string;
    readonly to: string;
    /** Green's share of traffic during the step, in percent. */
    readonly greenPercent: number;
    readonly p99Ms: { readonly blue: number | null; readonly green: number | null };
  }[];
}
