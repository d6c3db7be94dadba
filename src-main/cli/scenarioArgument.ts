/** The scenario file a command was given, loaded; its problems printed for the person who wrote it. */
import type { ScenarioFile } from '../engine/common/scenario/scenarioFile';
import { scenarioSizeIssues } from '../engine/node/limits/machineFacts';
import { formatIssue, loadScenario } from '../engine/node/scenario/loadScenario';
import type { CliIo } from './command';
import { commandWorkspace } from './workspaceFlag';

/**
 * The loaded scenario, or null after printing every problem as `file:line:col: field: ...` on
 * stderr; the command then exits 2 (bad input). `workspace` holds the `--workspace` folders.
 */
export function loadScenarioArgument(path: string, io: CliIo, workspace: readonly string[] | undefined): ScenarioFile | null {
  const loaded = loadScenario(path, { workspace: commandWorkspace(workspace), named: true });
  if (!loaded.ok) {
    for (const issue of loaded.issues) {
      io.err(formatIssue(issue));
    }
    return null;
  }
  return loaded.file;
}

/** True when this machine can run the scenario's sizes; otherwise prints each limit passed (the command exits 2). */
export function fitsThisMachine(file: ScenarioFile, io: CliIo): boolean {
  const issues = scenarioSizeIssues(file);
  for (const issue of issues) {
    io.err(formatIssue(issue));
  }
  return issues.length === 0;
}
