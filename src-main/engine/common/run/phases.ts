/** The phases of a rehearsal in the order they run; each capability adds its phase here. */
import type { PhaseId } from '../../../contract/events';
import type { Scenario } from '../scenario/schema';
import type { Phase } from './phase';
import { loadPhase } from './phases/load';
import { preflightPhase } from './phases/preflight';
import { replayPhase } from './phases/replay';
import { rolloutPhase } from './phases/rollout';
import { scorePhase } from './phases/score';

export const PHASES: readonly Phase[] = [preflightPhase, scorePhase, replayPhase, loadPhase, rolloutPhase];

/** The phases a scenario enables, in run order, ending with the verdict. */
export function enabledPhases(scenario: Scenario): PhaseId[] {
  return [...PHASES.filter((p) => p.enabled(scenario)).map((p) => p.id), 'verdict'];
}
