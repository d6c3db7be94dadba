/**
 * What the desktop app shows of a run, computed by the engine from the run's events (STYLE.md 10:
 * the renderer draws, it does not decide). `RehearsalApi.getRunView` returns it for a stretch of
 * event time (brushing, zoom) and, for drills, as of a given event (nothing after it).
 */
import type {
  AlertTimelineData,
  ChartSlot,
  DriftHeatmapData,
  EventTimeRange,
  LatencyLoadData,
  PredictionHistogramData,
  RolloutLatencyData,
  TrafficSplitData,
} from './charts';
import type { PhaseId, Progress, RunCommandKind, RunSpeed } from './events';
import type { CheckId, CheckStatus, Verdict } from './report';

/** Which part of a run to view. */
export interface RunViewQuery {
  /** Start of the event-time range the lanes show (brushing, zoom); the run's start when absent. */
  readonly from?: string;
  /** End of the range, excluded; the run's end so far when absent. */
  readonly to?: string;
  /** The run as it stood when event `untilSeq` was appended: nothing after it counts (drills). */
  readonly untilSeq?: number;
}

/**
 * A lane's data: the chart's slot as the report has it, or, while the phase that fills the lane
 * is still to run or running, `pending` with what it waits for.
 */
export type LaneSlot<T> = ChartSlot<T> | { readonly measured: false; readonly pending: true; readonly reason: string };

/** The lanes of the timeline and the load panel; each is a chart's data, why there is none, or what it waits for. */
export interface RunLanes {
  /** Feature x window PSI (replay). */
  readonly drift: LaneSlot<DriftHeatmapData>;
  /** Blue vs green prediction histograms over the range (score today; replay windows later). */
  readonly predictions: LaneSlot<PredictionHistogramData>;
  /** Green's weight, gates and rollback (rollout). */
  readonly traffic: LaneSlot<TrafficSplitData>;
  /** p99 of each rollout step at its event time (rollout). */
  readonly latency: LaneSlot<RolloutLatencyData>;
  /** Alerts in four layers and injected faults (monitoring, shifts, faults). */
  readonly alerts: LaneSlot<AlertTimelineData>;
  /** The load panel: latency percentiles against request rate per profile (load). Not event time. */
  readonly load: LaneSlot<LatencyLoadData>;
}

/** One row of the live checklist. PENDING: the run enables the check and has not resolved it yet. */
export interface ChecklistRow {
  readonly id: CheckId;
  readonly title: string;
  readonly status: CheckStatus | 'PENDING';
  /** What was measured, or what the check waits for. */
  readonly observed: string;
  /** What to do next; null while pending. */
  readonly next: string | null;
}

/** Where a run stands. `starting`: asked for, not begun; `stopping`: told to stop, ending its step. */
export type RunState = 'starting' | 'running' | 'paused' | 'stopping' | 'finished';

/** The run controls' state, as the engine holds it. */
export interface RunControlState {
  readonly state: RunState;
  readonly speed: RunSpeed;
  /** The phase running now, or null between phases and after the end. */
  readonly phase: PhaseId | null;
  /** Commands the run accepts now; the app enables exactly these buttons. */
  readonly accepts: readonly RunCommandKind[];
}

/** One line of the run's activity feed, worded by the engine. */
export interface ActivityItem {
  readonly seq: number;
  readonly eventTime: string | null;
  readonly wallTime: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly text: string;
}

/** The event time a phase has covered so far. */
export interface PhaseRange {
  readonly phase: PhaseId;
  readonly range: EventTimeRange;
}

/** Everything the main screen shows of one run. */
export interface RunView {
  readonly runId: string;
  readonly scenario: { readonly name: string; readonly path: string } | null;
  readonly outDir: string;
  /** The last event this view counts (the query's `untilSeq`, or the newest). */
  readonly lastSeq: number;
  /** The event time the run covers so far; null before any event carries one. */
  readonly extent: EventTimeRange | null;
  /** The event-time range the lanes show: the query's, or the extent. */
  readonly range: EventTimeRange | null;
  /** The latest event time the run has reached. */
  readonly position: string | null;
  /** Each phase's event time so far, in run order; the timeline brings the running phase's into view. */
  readonly phaseRanges: readonly PhaseRange[];
  readonly control: RunControlState;
  readonly lanes: RunLanes;
  readonly checklist: readonly ChecklistRow[];
  /** The latest step of every task still under way. */
  readonly progress: readonly Progress[];
  /** Set once the run has finished. */
  readonly verdict: Verdict | null;
  /** The newest lines of the activity feed, oldest first. */
  readonly activity: readonly ActivityItem[];
}
