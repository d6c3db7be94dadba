/**
 * report.json's model, derived from the event log alone (DESIGN.md, "Contracts"). A log cut short
 * by a crash still gives a report: checks that were enabled but never resolved are ERROR, and
 * the report says it is incomplete.
 */
import type { RunEvent } from '../../../contract/events';
import type { CheckId, DataWindow, ReadinessCheck, ReadinessReport, ReportModel } from '../../../contract/report';
import { CHECK_IDS, notRunCheck, unresolvedCheck } from '../checks/catalog';
import { verdictOf } from '../checks/verdict';

/** Builds the report; throws only when the log has no `run.started` (it is not a run log). */
export function buildReport(events: readonly RunEvent[]): ReadinessReport {
  const started = events.find((e) => e.kind === 'run.started');
  if (!started || started.kind !== 'run.started') {
    throw new Error('expected a run log starting with a "run.started" event');
  }
  const finished = events.find((e) => e.kind === 'run.finished');
  const resolved = new Map<CheckId, ReadinessCheck>();
  const errors: string[] = [];
  const models = new Map<string, ReportModel>();
  const windows: DataWindow[] = [];
  for (const event of events) {
    switch (event.kind) {
      case 'check.resolved':
        resolved.set(event.check.id, event.check);
        break;
      case 'run.error':
        errors.push(event.phase ? `${event.phase}: ${event.message}` : event.message);
        break;
      case 'model.verified':
        models.set(event.role, {
          role: event.role,
          name: event.name,
          path: event.path,
          sha256: event.files.find((f) => f.file.endsWith('.onnx'))?.actual ?? null,
          digestVerified: event.verified,
          executionProvider: null,
          fallbackReason: null,
        });
        break;
      case 'model.loaded': {
        const known = models.get(event.role);
        if (known) {
          models.set(event.role, { ...known, sha256: event.sha256, executionProvider: event.executionProvider });
        }
        break;
      }
      case 'ep.fallback': {
        const known = models.get(event.role);
        if (known) {
          models.set(event.role, { ...known, fallbackReason: event.reason });
        }
        break;
      }
      case 'score.summary':
        if (!windows.some((w) => w.source === event.source && w.from === event.from && w.to === event.to)) {
          windows.push({ source: event.source, role: 'production', from: event.from, to: event.to, rows: event.n });
        }
        break;
      default:
        break;
    }
  }
  const reason = finished ? 'the run ended before this check resolved' : 'the run stopped before it finished (the log ends early)';
  const checks = CHECK_IDS.map((id) => resolved.get(id) ?? (started.enabledChecks.includes(id) ? unresolvedCheck(id, reason) : notRunCheck(id)));
  if (!finished) {
    errors.push('The log ends before "run.finished": the run was killed or crashed; this report is built from what was recorded.');
  }
  return {
    schemaVersion: 1,
    verdict: verdictOf(checks),
    complete: finished !== undefined,
    scenario: started.scenario,
    runId: started.runId,
    startedAt: started.wallTime,
    finishedAt: finished?.wallTime ?? null,
    durationMs: finished?.kind === 'run.finished' ? finished.durationMs : null,
    models: [...models.values()],
    dataWindows: windows,
    machine: started.machine,
    versions: started.versions,
    checks,
    errors,
  };
}
