/** The live checklist: each of the seven checks as the log has it so far. */
import type { RunEvent } from '../../../contract/events';
import type { CheckId, ReadinessCheck } from '../../../contract/report';
import type { ChecklistRow } from '../../../contract/runView';
import { CHECK_IDS, notRunCheck } from '../checks/catalog';

/** Resolved checks as resolved (the last word on each), enabled ones PENDING, the rest NOT RUN. */
export function checklist(events: readonly RunEvent[]): ChecklistRow[] {
  const started = events.find((e) => e.kind === 'run.started');
  const enabled: readonly CheckId[] = started?.kind === 'run.started' ? started.enabledChecks : [];
  const resolved = new Map<CheckId, ReadinessCheck>();
  for (const event of events) {
    if (event.kind === 'check.resolved') {
      resolved.set(event.check.id, event.check);
    }
  }
  return CHECK_IDS.map((id) => {
    const check = resolved.get(id);
    if (check) {
      return { id, title: check.title, status: check.status, observed: check.observed, next: check.next };
    }
    const notRun = notRunCheck(id);
    if (enabled.includes(id)) {
      return { id, title: notRun.title, status: 'PENDING', observed: 'The run has not resolved this check yet.', next: null };
    }
    return { id, title: notRun.title, status: notRun.status, observed: notRun.observed, next: notRun.next };
  });
}
