/** The live checklist: each of the seven checks as the log has it so far (`checksOf`), enabled ones not yet resolved PENDING. */
import type { RunEvent } from '../../../contract/events';
import type { ChecklistRow } from '../../../contract/runView';
import { CHECK_TITLES, checksOf } from '../checks/catalog';

/** Resolved checks as resolved (the last word on each), enabled ones PENDING, the rest NOT RUN. */
export function checklist(events: readonly RunEvent[]): ChecklistRow[] {
  return checksOf<ChecklistRow>(events, (id) => ({
    id,
    title: CHECK_TITLES[id],
    status: 'PENDING',
    observed: 'The run has not resolved this check yet.',
    next: null,
  })).map((check) => ({ id: check.id, title: check.title, status: check.status, observed: check.observed, next: check.next }));
}
