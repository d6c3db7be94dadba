/**
 * The event time each phase has covered so far: the spans of its events (a replay window, a
 * rollout step), measured as the run's extent is. The timeline brings the running phase's range
 * into view (the rollout's days in a months-long run); a phase whose events carry no event time
 * (the load, on the wall clock) has none.
 */
import type { PhaseId, RunEvent } from '../../../contract/events';
import type { PhaseRange } from '../../../contract/runView';
import { formatEventTime } from '../time/eventTime';
import { eventSpan } from './eventSpan';

export function phaseRanges(events: readonly RunEvent[]): PhaseRange[] {
  const spans = new Map<PhaseId, { from: number; to: number }>();
  let current: PhaseId | null = null;
  for (const event of events) {
    if (event.kind === 'phase.started') {
      current = event.phase;
      continue;
    }
    if (event.kind === 'phase.finished') {
      current = null;
      continue;
    }
    const span = current === null ? null : eventSpan(event);
    if (current !== null && span !== null && Number.isFinite(span.from) && Number.isFinite(span.to)) {
      const seen = spans.get(current);
      spans.set(current, { from: Math.min(seen?.from ?? span.from, span.from), to: Math.max(seen?.to ?? span.to, span.to) });
    }
  }
  return [...spans].filter(([, s]) => s.from < s.to).map(([phase, s]) => ({ phase, range: { from: formatEventTime(s.from), to: formatEventTime(s.to) } }));
}
