/**
 * The rows of production a phase could not read: logged once with their examples, and the run
 * refused when they pass the scenario's tolerated share (the score and the replay phases read
 * production; whichever runs, this is how it accounts for what it skipped).
 */
import type { EventLog } from './eventLog';
import type { OpenSnapshot } from './runSnapshots';
import { rejectRateProblem } from './scoreStream';

/** Logs production's unreadable rows, if any; throws when they are more than the scenario tolerates. */
export function recordProductionRejects(log: EventLog, production: OpenSnapshot, read: number): void {
  const { source, section } = production;
  const rejects = source.rejects();
  if (rejects.rejected === 0) {
    return;
  }
  log.append({ kind: 'snapshot.rejects', role: 'production', source: source.description, rejected: rejects.rejected, read, examples: rejects.examples });
  const problem = rejectRateProblem(rejects, read, section.maxRejectRate, section.path, 'snapshots.production.maxRejectRate');
  if (problem) {
    throw problem;
  }
}
