/**
 * The drill's scorecard: per stop the answer, the expected one, the decision time and, for a
 * missed rollback, how far the damage spread. A pure function of the log, the drill and the answers.
 */
import type { DrillAnswer, DrillOutcome, DrillScorecard, DrillStopScore } from '../../../contract/drill';
import type { RunEvent } from '../../../contract/events';
import type { DrillSection } from '../scenario/sections/drill';
import { damageAfter } from './damageSpread';
import type { PlannedStop } from './drillStops';
import { answerText, damageText, outcomeText } from './drillWording';

/** What a person answered at a stop, and after how long (null: not timed). */
export interface GivenAnswer {
  readonly answer: DrillAnswer | null;
  readonly decisionMs: number | null;
}

/** Scores every planned stop; `answers[i]` belongs to `planned[i]`, null when never reached. */
export function scoreDrill(
  events: readonly RunEvent[],
  drill: DrillSection,
  planned: readonly PlannedStop[],
  answers: readonly (GivenAnswer | null)[],
): DrillScorecard {
  const stops = planned.map((p, index) => scoreStop(events, p, answers[index] ?? null));
  const count = (outcome: DrillOutcome): number => stops.filter((s) => s.outcome === outcome).length;
  const started = events.find((e) => e.kind === 'run.started');
  return {
    schemaVersion: 1,
    scenario: started?.kind === 'run.started' ? { name: started.scenario.name, path: started.scenario.path } : { name: '', path: '' },
    runId: started?.kind === 'run.started' ? started.runId : '',
    intro: drill.intro,
    stops,
    summary: {
      stops: stops.length,
      correct: count('correct'),
      late: count('late'),
      wrong: count('wrong'),
      unanswered: count('unanswered'),
      missedRollbacks: stops.filter((s) => s.damage !== null).length,
    },
  };
}

function scoreStop(events: readonly RunEvent[], planned: PlannedStop, given: GivenAnswer | null): DrillStopScore {
  const answer = given?.answer ?? null;
  const decisionMs = given?.decisionMs ?? null;
  const right = answer !== null && planned.expected.some((expected) => isAnswer(answer, expected));
  const outcome: DrillOutcome =
    answer === null ? 'unanswered' : !right ? 'wrong' : decisionMs !== null && decisionMs > planned.stop.timeAllowedMs ? 'late' : 'correct';
  const missedRollback = planned.expected.some((e) => e.action === 'rollback') && answer?.action !== 'rollback';
  const damage = missedRollback ? damageAfter(events, planned.event) : null;
  return {
    stop: planned.stop,
    answer,
    expected: planned.expected,
    outcome,
    decisionMs,
    debrief: planned.debrief,
    damage,
    words: {
      answer: answerText(answer),
      expected: planned.expected.map(answerText).join(' or '),
      outcome: outcomeText(outcome),
      damage: damage === null ? null : damageText(damage),
    },
  };
}

/** True when `answer` is `expected`: the same action, and for an investigation the same layer or feature when one is expected. */
export function isAnswer(answer: DrillAnswer, expected: DrillAnswer): boolean {
  if (answer.action !== expected.action) {
    return false;
  }
  if (expected.layer !== undefined && answer.layer !== expected.layer) {
    return false;
  }
  return expected.feature === undefined || answer.feature === expected.feature;
}
