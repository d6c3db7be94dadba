/** Answers and damage in words, the same on the terminal, in drill.html and in the app. */
import type { DamageSpread, DrillAnswer, DrillOutcome } from '../../../contract/drill';

/** `roll back`, `investigate feature distance`, `investigate layer 2`, `no answer`. */
export function answerText(answer: DrillAnswer | null): string {
  if (answer === null) {
    return 'no answer';
  }
  if (answer.action === 'investigate') {
    return answer.feature !== undefined
      ? `investigate feature ${answer.feature}`
      : answer.layer !== undefined
        ? `investigate layer ${answer.layer}`
        : 'investigate';
  }
  return answer.action === 'rollback' ? 'roll back' : answer.action;
}

/** The outcome as a person reads it. */
export function outcomeText(outcome: DrillOutcome): string {
  return { correct: 'right', late: 'right, but late', wrong: 'wrong', unanswered: 'unanswered' }[outcome];
}

/** One sentence: what the bad model went on serving and what ended it. */
export function damageText(damage: DamageSpread): string {
  if (damage.from === null) {
    return `nothing spread after the stop: ${damage.endedBy}`;
  }
  const span = `${damage.from} to ${damage.to ?? '…'}`;
  const requests = damage.requests === null ? '' : ` and ${damage.requests.toLocaleString('en-US')} requests through the router`;
  const outcome =
    damage.aucGap === null
      ? 'no outcome known yet'
      : `AUC ${damage.aucGap.toFixed(3)} below ${damage.source === 'rollout' ? "blue's" : "the reference's"} on ${damage.labelled.toLocaleString('en-US')} labelled rows`;
  return `${damage.model} served ${damage.rows.toLocaleString('en-US')} rows${requests} (${span}); ${outcome}; ended by ${damage.endedBy}`;
}
