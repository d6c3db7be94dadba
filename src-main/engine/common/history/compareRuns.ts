/**
 * Two runs side by side, from their logs alone: each check's status before and after, every
 * figure of the checks' evidence that moved, and the lanes both runs draw (drift, latency under
 * load, rollout latency, traffic) as series on one axis.
 */
import type { RunEvent } from '../../../contract/events';
import type { CheckChange, MovedFigure, RunComparison } from '../../../contract/history';
import type { ReadinessReport } from '../../../contract/report';
import { buildReport } from '../report/buildReport';
import { comparedLanes } from './comparedLanes';
import { summarizeRun } from './runSummary';

/** One run to compare: its folder and its events. */
export interface ComparedRun {
  readonly folder: string;
  readonly events: readonly RunEvent[];
}

/** `after` against `before`. */
export function compareRuns(before: ComparedRun, after: ComparedRun): RunComparison {
  const a = buildReport(before.events);
  const b = buildReport(after.events);
  return {
    before: summarizeRun(before.folder, before.events),
    after: summarizeRun(after.folder, after.events),
    checks: checkChanges(a, b),
    figures: movedFigures(a, b),
    lanes: comparedLanes(a.charts, b.charts),
  };
}

/** Every check of the checklist with its status in each run. */
function checkChanges(a: ReadinessReport, b: ReadinessReport): CheckChange[] {
  return a.checks.map((check) => {
    const after = b.checks.find((c) => c.id === check.id)?.status ?? 'NOT RUN';
    return { id: check.id, title: check.title, before: check.status, after, changed: after !== check.status };
  });
}

/** The evidence items (matched by check and label) whose value differs, and those only one run has. */
function movedFigures(a: ReadinessReport, b: ReadinessReport): MovedFigure[] {
  const moved: MovedFigure[] = [];
  for (const check of a.checks) {
    const other = b.checks.find((c) => c.id === check.id);
    const labels = [...new Set([...check.evidence.map((e) => e.label), ...(other?.evidence ?? []).map((e) => e.label)])];
    for (const label of labels) {
      const x = check.evidence.find((e) => e.label === label);
      const y = other?.evidence.find((e) => e.label === label);
      const before = x?.value ?? null;
      const after = y?.value ?? null;
      if (before !== after) {
        const unit = x?.unit ?? y?.unit;
        moved.push({ check: check.id, label, before, after, ...(unit === undefined ? {} : { unit }) });
      }
    }
  }
  return moved;
}
