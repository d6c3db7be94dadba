/**
 * A drill played headless from an answers file: each stop, in the order the player reaches it,
 * takes the line that names it; a stop no line names is left unanswered. A line naming a stop
 * the drill does not have, or a stop named twice, is bad input (its line is named).
 */
import type { DrillScorecard } from '../../../contract/drill';
import { InputError } from '../run/inputError';
import type { RecordedAnswer } from './answerLines';
import type { DrillPlayer } from './drillPlayer';

/** Plays every stop with the recorded answers and returns the scorecard. */
export function playRecorded(player: DrillPlayer, answers: readonly RecordedAnswer[], file: string): DrillScorecard {
  const ids = new Set(player.stops.map((s) => s.id));
  const byStop = new Map<string, RecordedAnswer>();
  for (const answer of answers) {
    if (!ids.has(answer.stop)) {
      throw new InputError(`${file}:${answer.line}`, `no stop "${answer.stop}" in this drill; its stops are ${[...ids].join(', ')}`);
    }
    const earlier = byStop.get(answer.stop);
    if (earlier !== undefined) {
      throw new InputError(`${file}:${answer.line}`, `stop "${answer.stop}" was already answered on line ${earlier.line}`);
    }
    byStop.set(answer.stop, answer);
  }
  for (let position = player.position; position.at === 'stop'; position = player.position) {
    const recorded = byStop.get(position.stop.id);
    if (recorded !== undefined && recorded.answer !== null && !position.stop.options.includes(recorded.answer.action)) {
      throw new InputError(
        `${file}:${recorded.line}`,
        `stop "${position.stop.id}" offers ${position.stop.options.join(', ')}, not "${recorded.answer.action}"`,
      );
    }
    player.answer(position.stop.id, recorded?.answer ?? null, recorded?.decisionMs ?? null);
  }
  return player.scorecard();
}
