/**
 * The engine runs outside the event loop that answers the page (DESIGN.md, "Rules"):
 * browser mode's server relays calls to a child process, so after a real run on the smoke
 * scenario neither onnxruntime nor DuckDB has been loaded into the server's own process.
 */
import { describe, expect, it } from 'vitest';
import type { LaunchState, RunHandle } from '../../src-main/contract/rehearsalApi';
import type { RunView } from '../../src-main/contract/runView';
import { startServiceProcess } from '../../src-main/engine/node/service/serviceProcess';
import { startUiServer } from '../../src-main/cli/ui/uiServer';
import { ApiSocket } from '../support/browserMode';
import { tempDir } from '../support/paths';

/** Native libraries loaded into this process. */
function loadedLibraries(): string[] {
  return (process.report.getReport() as { sharedObjects: string[] }).sharedObjects;
}

describe('the engine in its own process', () => {
  it('runs a rehearsal in the child while the server process loads neither onnxruntime nor DuckDB', async () => {
    const runsFolder = tempDir('rehearsal-engine-');
    const engine = startServiceProcess({ runsFolder });
    const server = await startUiServer({ api: engine.api, rendererFolder: tempDir(), runsFolder });
    try {
      expect(engine.pid).not.toBe(process.pid);
      const socket = await ApiSocket.open({ origin: `http://127.0.0.1:${server.port}`, token: server.token });
      const launch = await socket.call<LaunchState>('getLaunch');
      const run = await socket.call<RunHandle>('startRun', { scenarioPath: launch.scenario!.path });
      await socket.nextEvent(run.runId, (e) => e.kind === 'run.finished');
      const view = await socket.call<RunView>('getRunView', run.runId);
      expect(view.lanes.predictions.measured).toBe(true);
      socket.close();
      const native = loadedLibraries().filter((path) => /onnxruntime|duckdb/i.test(path));
      expect(native).toEqual([]);
    } finally {
      await server.close();
      await engine.stop();
    }
  });

  it('a call still pending when the engine process ends fails with the reason instead of hanging', async () => {
    const engine = startServiceProcess({ runsFolder: tempDir('rehearsal-engine-') });
    const pending = engine.api.listScenarios();
    await engine.stop();
    await expect(pending).rejects.toThrow(/the engine process ended \(SIGTERM\)/);
    await expect(engine.api.getLaunch()).rejects.toThrow('the engine process ended');
  });
});
