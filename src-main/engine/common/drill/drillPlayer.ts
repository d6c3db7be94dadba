/**
 * Walks a finished log event by event to a drill's stops. It hands out only the events up to the
 * current stop: the rest of the log stays inside until that stop is answered, so neither the
 * terminal nor the app can show the future. Scoring happens once every stop is answered.
 */
import type { DrillAnswer, DrillScorecard, DrillStop } from '../../../contract/drill';
import type { RunEvent } from '../../../contract/events';
import type { DrillSection } from '../scenario/sections/drill';
import { planStops, type PlannedStop } from './drillStops';
import { scoreDrill, type GivenAnswer } from './scoreDrill';

/** Where the player stands: at a stop waiting for its answer, or past the last one. */
export type DrillPosition = { readonly at: 'stop'; readonly stop: DrillStop; readonly index: number } | { readonly at: 'end' };

/** One drill over one log. */
export class DrillPlayer {
  private readonly planned: readonly PlannedStop[];
  private readonly answers: (GivenAnswer | null)[];
  /** The index of the stop waiting for an answer; planned.length once past the last. */
  private current = 0;

  constructor(
    private readonly events: readonly RunEvent[],
    private readonly drill: DrillSection,
  ) {
    this.planned = planStops(events, drill);
    this.answers = this.planned.map(() => null);
  }

  /** Every stop, in the order the player reaches them (the questions, never the answers). */
  get stops(): readonly DrillStop[] {
    return this.planned.map((p) => p.stop);
  }

  get position(): DrillPosition {
    const planned = this.planned[this.current];
    return planned === undefined ? { at: 'end' } : { at: 'stop', stop: planned.stop, index: this.current };
  }

  /** The events a person may see now: up to the current stop's event, or the whole log after the last answer. */
  visibleEvents(): readonly RunEvent[] {
    const planned = this.planned[this.current];
    if (planned === undefined) {
      return this.events;
    }
    const now = planned.stop.eventTime;
    // A shift's planned end is written when it starts; on call, nobody knows when a fault will stop.
    return this.events
      .filter((e) => e.seq <= planned.stop.seq)
      .map((e) => (e.kind === 'shift.injected' && e.to !== null && now !== null && e.to > now ? { ...e, to: null } : e));
  }

  /** The seq of the last visible event. */
  get visibleSeq(): number {
    return this.planned[this.current]?.stop.seq ?? this.events.at(-1)?.seq ?? 0;
  }

  /**
   * Answers the current stop (null: no answer given in time) and moves to the next. `stopId`
   * must be the current stop's: an answer cannot skip ahead. Returns the debrief.
   */
  answer(stopId: string, answer: DrillAnswer | null, decisionMs: number | null): string {
    const planned = this.planned[this.current];
    if (planned === undefined) {
      throw new Error('the drill has ended: there is no stop to answer');
    }
    if (planned.stop.id !== stopId) {
      throw new Error(`expected an answer for stop "${planned.stop.id}", got one for "${stopId}"`);
    }
    if (answer !== null && !planned.stop.options.includes(answer.action)) {
      throw new Error(`stop "${stopId}" offers ${planned.stop.options.join(', ')}, not "${answer.action}"`);
    }
    this.answers[this.current] = { answer, decisionMs };
    this.current++;
    return planned.debrief;
  }

  /** The scorecard so far; stops not reached yet count as unanswered. */
  scorecard(): DrillScorecard {
    return scoreDrill(this.events, this.drill, this.planned, this.answers);
  }
}
