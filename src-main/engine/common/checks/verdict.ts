/** The one verdict function, used by every face (DESIGN.md: "READY only when all seven are PASS or WARN"). */
import type { ReadinessCheck, Verdict } from '../../../contract/report';
import { CHECK_IDS } from './catalog';

/** READY only when each of the seven checks is present and PASS or WARN. */
export function verdictOf(checks: readonly Pick<ReadinessCheck, 'id' | 'status'>[]): Verdict {
  const byId = new Map(checks.map((check) => [check.id, check.status]));
  const ready = CHECK_IDS.every((id) => {
    const status = byId.get(id);
    return status === 'PASS' || status === 'WARN';
  });
  return ready ? 'READY' : 'NOT READY';
}

/** The process exit code of a verdict: 0 READY, 1 NOT READY. */
export function exitCodeOf(verdict: Verdict): 0 | 1 {
  return verdict === 'READY' ? 0 : 1;
}
