/**
 * Where a drill stops in a log: each stop as written resolved to the seq of the last event a
 * person sees there. A pure function of the log and the section, so a drill stops at the same
 * places every time. A stop that finds nothing in the log is an error: the drill was written for
 * another run.
 */
import type { DrillAnswer, DrillStop } from '../../../contract/drill';
import type { RunEvent } from '../../../contract/events';
import { DRILL_ACTIONS, type DrillSection, type DrillStopSpec } from '../scenario/sections/drill';
import { parseEventTime } from '../time/eventTime';

/** A stop resolved against a log, with what is needed to score it. */
export interface PlannedStop {
  readonly stop: DrillStop;
  readonly expected: readonly DrillAnswer[];
  readonly debrief: string;
  /** The event the stop was resolved to (what triggered it). */
  readonly event: RunEvent;
}

/** Resolves every stop; ordered by seq, then as written. Throws DrillMismatch when a stop finds no event. */
export function planStops(events: readonly RunEvent[], drill: DrillSection): PlannedStop[] {
  const planned = drill.stops.flatMap((spec, order) =>
    resolve(events, spec).map((event, index, all) => ({
      order,
      planned: plannedStop(spec, drill, event, all.length > 1 || spec.at.each === true ? `${spec.id}-${index + 1}` : spec.id),
    })),
  );
  return planned.sort((a, b) => a.planned.stop.seq - b.planned.stop.seq || a.order - b.order).map((p) => p.planned);
}

/** The log does not hold what the drill stops at. */
export class DrillMismatch extends Error {
  constructor(
    readonly stopId: string,
    message: string,
  ) {
    super(`drill stop "${stopId}": ${message}`);
    this.name = 'DrillMismatch';
  }
}

function resolve(events: readonly RunEvent[], spec: DrillStopSpec): RunEvent[] {
  const at = spec.at;
  if (at.seq !== undefined) {
    const event = events.find((e) => e.seq === at.seq);
    if (event === undefined) {
      throw new DrillMismatch(spec.id, `the log has no event with seq ${at.seq} (its last is ${events.at(-1)?.seq ?? 0})`);
    }
    return [event];
  }
  if (at.eventTime !== undefined) {
    const limit = parseEventTime(at.eventTime)!;
    // Progress events carry how far the reader has read ahead, not where the replay stands: they never end the stretch.
    const after = events.findIndex((e) => e.kind !== 'progress' && e.eventTime !== null && (parseEventTime(e.eventTime) ?? -Infinity) > limit);
    if (after === 0 || events.length === 0 || !events.some((e) => e.eventTime !== null)) {
      throw new DrillMismatch(spec.id, `the log's event time never reaches ${at.eventTime}`);
    }
    return [events[(after === -1 ? events.length : after) - 1]!];
  }
  const matching = events.filter((e) => e.kind === at.kind && matches(e, at.match ?? {}));
  const what = `a "${at.kind}" event${at.match === undefined ? '' : ` with ${JSON.stringify(at.match)}`}`;
  if (matching.length === 0) {
    throw new DrillMismatch(spec.id, `the log has no ${what}`);
  }
  if (at.each === true) {
    return matching;
  }
  const nth = at.nth ?? 1;
  const event = matching[nth - 1];
  if (event === undefined) {
    throw new DrillMismatch(spec.id, `expected at least ${nth} of ${what}, the log has ${matching.length}`);
  }
  return [event];
}

function matches(event: RunEvent, fields: Readonly<Record<string, string | number | boolean | null>>): boolean {
  const record = event as unknown as Readonly<Record<string, unknown>>;
  return Object.entries(fields).every(([key, value]) => record[key] === value);
}

function plannedStop(spec: DrillStopSpec, drill: DrillSection, event: RunEvent, id: string): PlannedStop {
  return {
    stop: {
      id,
      seq: event.seq,
      eventTime: event.eventTime,
      trigger: spec.at.eventTime !== undefined ? `the run reached ${spec.at.eventTime}` : triggerOf(event),
      question: spec.question,
      options: spec.options ?? DRILL_ACTIONS,
      timeAllowedMs: spec.timeAllowed ?? drill.timeAllowed,
    },
    expected: Array.isArray(spec.expect) ? spec.expect : [spec.expect],
    debrief: spec.debrief,
    event,
  };
}

/** The stop's cause in words: what a pager would have said. */
function triggerOf(event: RunEvent): string {
  switch (event.kind) {
    case 'alert.firing':
      return `layer ${event.layer} alert ${event.rule}${event.role === null ? '' : ` (${event.role})`}: ${event.message}`;
    case 'rollout.analysis':
      return `rollout analysis ${event.index}: ${event.outcome}${event.gates
        .filter((g) => g.outcome !== 'pass')
        .map((g) => `; ${g.gate} ${g.outcome}: ${g.detail}`)
        .join('')}`;
    case 'rollout.step':
      return `rollout step ${event.index} (${event.step}): green at ${event.greenPercent}%`;
    case 'router.weights':
      return `router weights blue ${event.weights.blue}% / green ${event.weights.green}%: ${event.reason}`;
    case 'shift.detected':
      return `shift ${event.name} caught by layer ${event.layer} (${event.rule} on ${event.subject})`;
    default:
      return `${event.kind} (event ${event.seq}${event.eventTime === null ? '' : ` at ${event.eventTime}`})`;
  }
}
