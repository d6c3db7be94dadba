/**
 * The runs folder on disk: every run folder's events.jsonl read through the checked reader, and a
 * run named by its folder, its log or its id. A log that cannot be read makes its run "damaged"
 * with the reader's reason; it never stops the listing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { RunEvent } from '../../../contract/events';
import type { RunSummary } from '../../../contract/history';
import { damagedRun, historyOrder, summarizeRun } from '../../common/history/runSummary';
import { InputError } from '../../common/run/inputError';
import { readEventFile } from '../files/eventFile';

const LOG = 'events.jsonl';

/** Every run folder under `runsFolder` (a folder holding an events.jsonl, at most two levels down), newest first. */
export function readRunHistory(runsFolder: string): RunSummary[] {
  if (!isFolder(runsFolder)) {
    throw new InputError(runsFolder, 'runs folder not found: expected the folder `rehearse run --out` and the app write runs to');
  }
  return historyOrder(runFolders(resolve(runsFolder), 2).map(summaryOf));
}

/** The run's line: its summary, or damaged with why its log cannot be read. */
function summaryOf(folder: string): RunSummary {
  try {
    const { events, torn } = readEventFile(join(folder, LOG));
    const summary = summarizeRun(folder, events);
    return torn && summary.damaged === null ? { ...summary, complete: false } : summary;
  } catch (error) {
    return damagedRun(folder, error instanceof Error ? error.message : String(error));
  }
}

function runFolders(folder: string, depth: number): string[] {
  if (existsSync(join(folder, LOG))) {
    return [folder];
  }
  if (depth === 0) {
    return [];
  }
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => runFolders(join(folder, entry.name), depth - 1));
}

/** A run to open: a run folder, its events.jsonl, or a run id (or folder name) in `runsFolder`. */
export function readRun(named: string, runsFolder: string): { folder: string; events: RunEvent[] } {
  const folder = runFolderOf(named, runsFolder);
  const { events } = readEventFile(join(folder, LOG));
  if (!events.some((e) => e.kind === 'run.started')) {
    throw new InputError(join(folder, LOG), 'expected a run log beginning with a "run.started" event');
  }
  return { folder, events };
}

function runFolderOf(named: string, runsFolder: string): string {
  if (basename(named) === LOG && existsSync(named)) {
    return resolve(named, '..');
  }
  if (isFolder(named) && existsSync(join(named, LOG))) {
    return resolve(named);
  }
  const byName = isFolder(runsFolder) ? runFolders(resolve(runsFolder), 2).find((f) => basename(f) === named) : undefined;
  if (byName !== undefined) {
    return byName;
  }
  const byId = isFolder(runsFolder) ? readRunHistory(runsFolder).find((r) => r.runId === named && r.damaged === null) : undefined;
  if (byId !== undefined) {
    return byId.folder;
  }
  throw new InputError(named, `no run found: expected a run folder holding ${LOG}, its ${LOG}, or a run id in ${runsFolder}`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
