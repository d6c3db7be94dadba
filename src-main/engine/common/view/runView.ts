/**
 * What the main screen shows of a run, from its events alone: the lanes' chart data
 * for a stretch of event time through the same extractors the report uses, the live checklist,
 * the tasks under way, the activity feed. With `untilSeq`, nothing appended after that event
 * counts, so a drill never shows the future.
 */
import { phaseRanges } from './phaseRanges';
import type { EventTimeRange } from '../../../contract/charts';
import type { ChartSlot } from '../../../contract/charts';
import type { PhaseId, Progress, RunEvent } from '../../../contract/events';
import type { ActivityItem, LaneSlot, RunControlState, RunLanes, RunView, RunViewQuery } from '../../../contract/runView';
import { alertTimelineData } from '../report/charts/alertTimelineData';
import { driftHeatmapData } from '../report/charts/driftHeatmapData';
import { latencyLoadData } from '../report/charts/latencyLoadData';
import { predictionHistogramData } from '../report/charts/predictionHistogramData';
import { rolloutLatencyData } from '../report/charts/rolloutLatencyData';
import { trafficSplitData } from '../report/charts/trafficSplitData';
import { activityOf } from './activity';
import { checklist } from './checklist';
import { eventsInRange, extentOf } from './eventSpan';

/** The newest lines of the activity feed a view carries. */
const ACTIVITY_LINES = 80;

/** A run as the service holds it. */
export interface RunRecord {
  readonly runId: string;
  readonly outDir: string;
  readonly events: readonly RunEvent[];
  readonly control: RunControlState;
}

/** The view of a run for a query. */
export function runView(run: RunRecord, query: RunViewQuery = {}): RunView {
  const upTo = query.untilSeq === undefined ? run.events : run.events.filter((e) => e.seq <= query.untilSeq!);
  const extent = extentOf(upTo);
  const range: EventTimeRange | null =
    extent === null && (query.from === undefined || query.to === undefined) ? null : { from: query.from ?? extent!.from, to: query.to ?? extent!.to };
  const inRange = range === null ? upTo : eventsInRange(upTo, range);
  const started = upTo.find((e) => e.kind === 'run.started');
  const finished = upTo.find((e) => e.kind === 'run.finished');
  // A drill's view of a finished log stands where the log stood at `untilSeq`.
  const control: RunControlState = finished === undefined && run.control.state === 'finished' ? { ...run.control, state: 'running' } : run.control;
  return {
    runId: run.runId,
    scenario: started?.kind === 'run.started' ? { name: started.scenario.name, path: started.scenario.path } : null,
    outDir: run.outDir,
    lastSeq: upTo.at(-1)?.seq ?? 0,
    extent,
    range,
    position: positionOf(upTo),
    phaseRanges: phaseRanges(upTo),
    control,
    lanes: lanesOf(inRange, upTo),
    checklist: checklist(upTo),
    progress: finished === undefined ? activeProgress(upTo) : [],
    verdict: finished?.kind === 'run.finished' ? finished.verdict : null,
    activity: upTo.flatMap((e) => activityOf(e) ?? []).slice(-ACTIVITY_LINES) as ActivityItem[],
  };
}

/**
 * Event-time lanes see the range; the load panel is about request rates, not event time, so it
 * sees the whole log. A lane without data whose phase is still ahead or under way is pending.
 */
function lanesOf(inRange: readonly RunEvent[], all: readonly RunEvent[]): RunLanes {
  const lane = <T>(slot: ChartSlot<T>, phase: PhaseId): LaneSlot<T> => (slot.measured ? slot : pendingOr(slot, all, phase));
  return {
    drift: lane(driftHeatmapData(inRange), 'replay'),
    // The replay scores every row when the scenario has a reference; the score phase otherwise.
    predictions: lane(predictionHistogramData(inRange), plans(all, 'replay') ? 'replay' : 'score'),
    traffic: lane(trafficSplitData(inRange), 'rollout'),
    latency: lane(rolloutLatencyData(inRange), 'rollout'),
    alerts: lane(alertTimelineData(inRange), 'replay'),
    load: lane(latencyLoadData(all), 'load'),
  };
}

function plans(events: readonly RunEvent[], phase: PhaseId): boolean {
  const started = events.find((e) => e.kind === 'run.started');
  return started?.kind === 'run.started' && started.phases.includes(phase);
}

/** `pending` while the run plans `phase` and has not finished it; the slot as it is otherwise. */
function pendingOr<T>(slot: ChartSlot<T>, events: readonly RunEvent[], phase: PhaseId): LaneSlot<T> {
  const planned = plans(events, phase);
  const over = events.some((e) => (e.kind === 'phase.finished' && e.phase === phase) || e.kind === 'run.finished');
  if (!planned || over) {
    return slot;
  }
  const running = events.some((e) => e.kind === 'phase.started' && e.phase === phase);
  return {
    measured: false,
    pending: true,
    reason: running ? `the ${phase} phase is running; this lane fills when it reports` : `waits for the ${phase} phase`,
  };
}

/** The latest event time reached. */
function positionOf(events: readonly RunEvent[]): string | null {
  let latest: string | null = null;
  for (const event of events) {
    if (event.eventTime !== null && (latest === null || event.eventTime > latest)) {
      latest = event.eventTime;
    }
  }
  return latest;
}

/** The latest step of each task whose phase has not finished and which has not reached its total. */
function activeProgress(events: readonly RunEvent[]): Progress[] {
  const latest = new Map<string, Progress>();
  for (const event of events) {
    if (event.kind === 'progress') {
      latest.set(event.task, event);
    } else if (event.kind === 'phase.finished') {
      for (const [task, step] of latest) {
        if (step.phase === event.phase) {
          latest.delete(task);
        }
      }
    }
  }
  return [...latest.values()].filter((p) => p.total === null || p.done < p.total);
}
