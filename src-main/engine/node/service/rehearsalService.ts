/**
 * RehearsalApi implemented once, in Node, over the real engine. The Electron main process and
 * browser mode both expose this same object; neither adds logic of its own.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RunEvent } from '../../../contract/events';
import type { RehearsalApi, RunHandle, RunRequest } from '../../../contract/rehearsalApi';
import { InputError } from '../../common/run/inputError';
import { projectRoot } from '../run/projectRoot';
import { runScenario } from '../run/runScenario';
import { formatIssue, loadScenario } from '../scenario/loadScenario';
import { listBuiltInScenarios, summarizeScenario } from '../scenario/scenarioLibrary';

/** Where runs started from the UI write their folders. */
export function defaultRunsFolder(): string {
  return join(projectRoot(), 'runs');
}

/** The engine behind the UI: runs in this process and fans events out to listeners. */
export function createRehearsalService(runsFolder: string = defaultRunsFolder()): RehearsalApi & { settled(): Promise<void> } {
  const listeners = new Set<(runId: string, event: RunEvent) => void>();
  const runs = new Map<string, { stop: boolean; done: Promise<unknown> }>();
  return {
    async listScenarios() {
      return listBuiltInScenarios();
    },
    async validateScenario(path: string) {
      return summarizeScenario(path, false);
    },
    async startRun(request: RunRequest): Promise<RunHandle> {
      const loaded = loadScenario(request.scenarioPath);
      if (!loaded.ok) {
        throw new InputError(request.scenarioPath, loaded.issues.map(formatIssue).join('\n'));
      }
      const runId = randomUUID();
      const outDir = join(runsFolder, runId);
      const entry = { stop: false, done: Promise.resolve() as Promise<unknown> };
      entry.done = runScenario(loaded.file, {
        outDir,
        runId,
        executionProvider: request.executionProvider ?? 'cpu',
        writers: [{ write: (event) => listeners.forEach((l) => l(runId, event)) }],
        stopped: () => entry.stop,
      }).catch((error: unknown) => {
        // runScenario turns phase failures into events; reaching here means the report could not be written.
        console.error(`run ${runId} failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      runs.set(runId, entry);
      return { runId, outDir };
    },
    async stopRun(runId: string) {
      const run = runs.get(runId);
      if (run) {
        run.stop = true;
        await run.done;
      }
    },
    onDidEmitEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async settled() {
      await Promise.all([...runs.values()].map((r) => r.done));
    },
  };
}
