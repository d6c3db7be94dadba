/**
 * What a check resolver reads: the run's log so far and its validated scenario. Resolvers decide
 * each readiness check from evidence events alone, so the spine decides a check once, the same
 * way for every face, and a phase never resolves what it measured.
 */
import type { EventOfKind, PhaseId, RunEvent, RunEventBody } from '../../../../contract/events';
import type { CheckId, ReadinessCheck } from '../../../../contract/report';
import type { Scenario } from '../../scenario/schema';

/** The log and the scenario. */
export interface CheckEvidence {
  readonly events: readonly RunEvent[];
  readonly scenario: Scenario;
}

/** How one check is decided. */
export interface CheckResolver {
  readonly id: CheckId;
  /** The phases whose events are its evidence: it is enabled when one of them runs, and decided once all that run have ended. */
  phases(scenario: Scenario): readonly PhaseId[];
  /** The check from complete evidence (every phase ended well); null when the evidence is not all there (a stopped replay). */
  resolve(evidence: CheckEvidence): ReadinessCheck | null;
  /** The check from what a broken or stopped run gathered, when that alone decides it (a digest mismatch fails pinning). */
  partial?(evidence: CheckEvidence): ReadinessCheck | null;
}

/** Every event of one kind, without its envelope: the body its phase appended. */
export function bodiesOf<K extends RunEventBody['kind']>(events: readonly RunEvent[], kind: K): Omit<EventOfKind<K>, 'seq' | 'eventTime' | 'wallTime'>[] {
  return events.flatMap((e) => {
    if (e.kind !== kind) {
      return [];
    }
    const { seq: _seq, eventTime: _eventTime, wallTime: _wallTime, ...body } = e as EventOfKind<K>;
    return [body];
  });
}

/** The last event of one kind, without its envelope, or undefined. */
export function lastOf<K extends RunEventBody['kind']>(
  events: readonly RunEvent[],
  kind: K,
): Omit<EventOfKind<K>, 'seq' | 'eventTime' | 'wallTime'> | undefined {
  return bodiesOf(events, kind).at(-1);
}

/** True when the run planned `phase` (it is in `run.started`). */
export function planned(events: readonly RunEvent[], phase: PhaseId): boolean {
  return events.some((e) => e.kind === 'run.started' && e.phases.includes(phase));
}
