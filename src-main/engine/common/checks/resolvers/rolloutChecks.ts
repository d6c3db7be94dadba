/** `rollback-readiness` from the rollout's compatibility check and how it finished. */
import { rollbackReadinessCheck } from '../../rollout/rollbackCheck';
import { lastOf, type CheckResolver } from './evidence';

/** Blue's compatibility with today's records, the outcome, the retreat and blue's answers after it. */
export const rollbackReadinessResolver: CheckResolver = {
  id: 'rollback-readiness',
  phases: () => ['rollout'],
  resolve({ events }) {
    const compatibility = lastOf(events, 'rollout.compatibility');
    const finished = lastOf(events, 'rollout.finished');
    if (compatibility === undefined || finished === undefined) {
      return null;
    }
    const after = finished.blueAfterRetreat;
    return rollbackReadinessCheck({
      compatibility: { compatible: compatibility.compatible, missing: compatibility.missing, required: compatibility.required, present: compatibility.present },
      outcome: finished.outcome,
      abortReason: finished.outcome === 'not-started' ? null : finished.reason,
      rollbackRehearsed: finished.outcome === 'aborted' || finished.drill !== null,
      blueAnsweredAfterRollback: after !== null && after.answered > 0 && after.failed === 0,
      blueProbes: finished.blueProbes,
      detect: finished.detect,
      rollback: finished.rollback,
    });
  },
};
