/**
 * Where events sit in event time, for the timeline's range. Most events are an
 * instant (their `eventTime`); an event that summarizes a stretch says so here, so a brushed
 * range that overlaps the stretch still sees it. A capability whose events cover a stretch (a
 * replay window, a rollout step) adds its case.
 */
import type { EventTimeRange } from '../../../contract/charts';
import type { RunEvent } from '../../../contract/events';
import { formatEventTime, parseEventTime } from '../time/eventTime';

/** A stretch of event time in ms of the data's clock, both ends included. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** Milliseconds of an event time as the log writes it (no zone: read as UTC, as the engine holds it). */
export function eventTimeMs(eventTime: string): number {
  return parseEventTime(eventTime) ?? Number.NaN;
}

/** The stretch an event covers, or null for an event outside event time (run.started, a phase). */
export function eventSpan(event: RunEvent): Span | null {
  if (event.kind === 'score.summary' && event.from !== null && event.to !== null) {
    return { from: eventTimeMs(event.from), to: eventTimeMs(event.to) };
  }
  // A replay window (and its labels, appended a label delay later) covers its window; an alert
  // covers the window that fired it or, resolved, the stretch it fired for; a shift, its span.
  if ((event.kind === 'alert.firing' || event.kind === 'alert.resolved') && event.clock === 'real') {
    return null; // a live layer 1 alert during the load: wall-clock time, not the data's
  }
  if (event.kind === 'drift.window' || event.kind === 'labels.window' || event.kind === 'alert.firing' || event.kind === 'alert.resolved') {
    return { from: eventTimeMs(event.from), to: eventTimeMs(event.to) };
  }
  if (event.kind === 'shift.injected') {
    return { from: eventTimeMs(event.from), to: event.to === null ? Number.POSITIVE_INFINITY : eventTimeMs(event.to) };
  }
  if (event.kind === 'rollout.step') {
    return { from: eventTimeMs(event.from), to: eventTimeMs(event.to) };
  }
  if (event.kind === 'rollout.planned') {
    // The plan holds for the whole rollout: every range keeps it.
    return null;
  }
  if (event.eventTime === null) {
    return null;
  }
  const at = eventTimeMs(event.eventTime);
  return { from: at, to: at };
}

/** Everything the events reach in event time, including what a task announced it will cover. */
export function extentOf(events: readonly RunEvent[]): EventTimeRange | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const include = (span: Span | null): void => {
    if (span !== null && Number.isFinite(span.from) && Number.isFinite(span.to)) {
      from = Math.min(from, span.from);
      to = Math.max(to, span.to);
    }
  };
  for (const event of events) {
    include(eventSpan(event));
    if (event.kind === 'progress' && event.range) {
      include({ from: eventTimeMs(event.range.from), to: eventTimeMs(event.range.to) });
    }
  }
  return from <= to ? { from: formatEventTime(from), to: formatEventTime(to) } : null;
}

/** The events within `range` (ends included); events outside event time are always kept. */
export function eventsInRange(events: readonly RunEvent[], range: EventTimeRange): RunEvent[] {
  const from = eventTimeMs(range.from);
  const to = eventTimeMs(range.to);
  return events.filter((event) => {
    const span = eventSpan(event);
    return span === null || (span.to >= from && span.from <= to);
  });
}
