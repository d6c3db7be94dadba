/**
 * report.json's model, derived from the event log alone (DESIGN.md, "Contracts"). A log cut short
 * by a crash still gives a report: checks that were enabled but never resolved are ERROR, and
 * the report says it is incomplete.
 */
import type { RunEvent } from '../../../contract/events';
import type { DataWindow, ModelScore, PhaseOutcome, ReadinessReport } from '../../../contract/report';
import { checksOf, unresolvedCheck } from '../checks/catalog';
import { verdictOf } from '../checks/verdict';
import { reportCharts } from './charts/reportCharts';
import { reportModels } from './reportModels';

/** Builds the report; throws only when the log has no `run.started` (it is not a run log). */
export function buildReport(events: readonly RunEvent[]): ReadinessReport {
  const started = events.find((e) => e.kind === 'run.started');
  if (!started || started.kind !== 'run.started') {
    throw new Error('expected a run log starting with a "run.started" event');
  }
  const finished = events.find((e) => e.kind === 'run.finished');
  const errors: string[] = [];
  const notices: string[] = [];
  const scores: ModelScore[] = [];
  const windows: DataWindow[] = [];
  for (const event of events) {
    switch (event.kind) {
      case 'run.error':
        errors.push(event.phase ? `${event.phase}: ${event.message}` : event.message);
        break;
      case 'notice':
        if (event.level === 'warn') {
          notices.push(event.message);
        }
        break;
      case 'snapshot.rejects':
        notices.push(`${event.source}: ${event.rejected} rows could not be read (first: ${event.examples[0]?.message ?? 'unknown'})`);
        break;
      case 'score.summary': {
        const { role, model, source, from, to, n, labelled, auc, logLoss, positiveRate, meanPrediction, quantiles } = event;
        scores.push({ role, model, source, from, to, n, labelled, auc, logLoss, positiveRate, meanPrediction, quantiles });
        if (!windows.some((w) => w.source === event.source && w.from === event.from && w.to === event.to)) {
          windows.push({ source: event.source, role: 'production', from: event.from, to: event.to, rows: event.n });
        }
        break;
      }
      default:
        break;
    }
  }
  const reason = finished ? 'the run ended before this check resolved' : 'the run stopped before it finished (the log ends early)';
  const checks = checksOf(events, (id) => unresolvedCheck(id, reason));
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
    phases: phaseOutcomes(events, started.phases, finished !== undefined),
    models: reportModels(events),
    scores,
    dataWindows: windows,
    machine: started.machine,
    versions: started.versions,
    checks,
    charts: reportCharts(events),
    notices,
    errors,
  };
}

/** Each planned phase's outcome; the verdict phase is done when the run finished. */
function phaseOutcomes(events: readonly RunEvent[], planned: readonly PhaseOutcome['phase'][], finished: boolean): PhaseOutcome[] {
  return planned.map((phase) => {
    const end = events.find((e) => e.kind === 'phase.finished' && e.phase === phase);
    if (end?.kind === 'phase.finished') {
      return { phase, outcome: end.outcome, message: end.message ?? null };
    }
    return { phase, outcome: phase === 'verdict' && finished ? 'ok' : 'unfinished', message: null };
  });
}
