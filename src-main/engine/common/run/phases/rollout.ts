/**
 * Rollout: a stepped blue/green rollout through a real router, with gates in both clocks,
 * automatic rollback and the retreat timed; the evidence of `rollback-readiness`.
 */
import { rehearseRollout } from '../../rollout/rolloutRehearsal';
import type { Phase } from '../phase';

export const rolloutPhase: Phase = {
  id: 'rollout',
  enabled: (scenario) => scenario.rollout !== undefined,
  run: rehearseRollout,
};
