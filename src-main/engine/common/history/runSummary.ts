/** A run's line in the history, from its events alone; a log that cannot be read is listed as damaged with why. */
import type { RunEvent } from '../../../contract/events';
import type { RunSummary } from '../../../contract/history';

/** The run as its log says: scenario, start, verdict and duration; incomplete when the log stops before the verdict. */
export function summarizeRun(folder: string, events: readonly RunEvent[]): RunSummary {
  const started = events.find((e) => e.kind === 'run.started');
  const finished = events.find((e) => e.kind === 'run.finished');
  if (started?.kind !== 'run.started') {
    return damagedRun(folder, 'the log does not begin with a "run.started" event');
  }
  return {
    runId: started.runId,
    folder,
    scenario: started.scenario.name,
    startedAt: started.wallTime,
    verdict: finished?.kind === 'run.finished' ? finished.verdict : null,
    durationMs: finished?.kind === 'run.finished' ? finished.durationMs : null,
    complete: finished !== undefined,
    damaged: null,
    whatIf: started.whatIf ?? null,
  };
}

/** A run folder whose log could not be read, with the reader's reason. */
export function damagedRun(folder: string, reason: string): RunSummary {
  const name =
    folder
      .split(/[\\/]/)
      .filter((part) => part !== '')
      .pop() ?? folder;
  return { runId: name, folder, scenario: '', startedAt: null, verdict: null, durationMs: null, complete: false, damaged: reason, whatIf: null };
}

/** Newest first; damaged runs (no start time) last, by folder name. */
export function historyOrder(runs: readonly RunSummary[]): RunSummary[] {
  return [...runs].sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '') || a.folder.localeCompare(b.folder));
}
