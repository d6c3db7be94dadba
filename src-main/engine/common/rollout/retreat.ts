/**
 * The retreat to blue in both clocks. Real time comes from the injected Clock; event
 * time from the rows the router was being sent: the event time reached when the abort was
 * decided, and when the router confirmed blue 100%. Traffic keeps flowing during the retreat, so
 * the requests sent in between say how much of the data's clock green could still see.
 */
import type { BothClocks } from '../../../contract/events';
import type { RoutedRequest } from '../ports/rolloutRig';

/** When green first took traffic, in both clocks. */
export interface Instant {
  readonly real: number;
  readonly event: number;
}

/** The event time reached at real time `at`: the latest row sent by then, else `fallback`. */
export function eventTimeAt(at: number, routed: readonly RoutedRequest[], eventTimes: readonly number[], fallback: number): number {
  let reached = fallback;
  routed.forEach((r, k) => {
    if (r.sentAt <= at && eventTimes[k]! > reached) {
      reached = eventTimes[k]!;
    }
  });
  return reached;
}

/** From `from` to `to`, both clocks, never negative. */
export function between(from: Instant, to: Instant): BothClocks {
  return { realMs: Math.max(0, to.real - from.real), eventMs: Math.max(0, to.event - from.event) };
}

/** Requests sent after the router confirmed blue 100%: every one must have been answered by blue. */
export function afterRetreat(routed: readonly RoutedRequest[], confirmedAt: number): { answered: number; failed: number } {
  let answered = 0;
  let failed = 0;
  for (const r of routed) {
    if (r.sentAt > confirmedAt) {
      if (r.side === 'blue' && r.served?.outcome === 'ok') {
        answered++;
      } else {
        failed++;
      }
    }
  }
  return { answered, failed };
}

/** Requests sent after the decision and before the confirmation, and how many green served. */
export function duringRetreat(routed: readonly RoutedRequest[], decidedAt: number, confirmedAt: number): { sent: number; green: number } {
  const inFlight = routed.filter((r) => r.sentAt > decidedAt && r.sentAt <= confirmedAt);
  return { sent: inFlight.length, green: inFlight.filter((r) => r.side === 'green').length };
}
