/**
 * The app's door to a log: "open drill" in the engine's own process (the one Electron and browser
 * mode both call) checks every line against its schema, and a bad body comes back as an
 * InputError naming the file, the line and the field, as `rehearse drill` prints it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServiceProcess } from '../../src-main/engine/node/service/serviceProcess';
import { startUiServer } from '../../src-main/cli/ui/uiServer';
import { ApiSocket } from '../support/browserMode';
import { tempDir } from '../support/paths';

const STARTED = { seq: 1, eventTime: null, wallTime: '2026-01-01T00:00:00.000Z', kind: 'phase.started', phase: 'preflight' };
const RESOLVED = {
  seq: 2,
  eventTime: null,
  wallTime: '2026-01-01T00:00:01.000Z',
  kind: 'check.resolved',
  check: { id: 'load-sla', title: 'Load SLA', status: 'GREEN', observed: 'o', threshold: 't', evidence: [], next: 'n' },
};
const PROBLEM = 'check.resolved: check.status: expected one of: "PASS", "WARN", "FAIL", "ERROR", "NOT RUN"';

describe('opening a log in the app', () => {
  it('refuses a malformed body with an InputError naming the file, the line and the field, in the engine process and over browser mode', async () => {
    // Inside the app's workspace (its runs folder), so the schema, not the workspace, refuses it.
    const runsFolder = tempDir('rehearsal-engine-');
    const path = join(runsFolder, 'broken.jsonl');
    writeFileSync(path, `${JSON.stringify(STARTED)}\n${JSON.stringify(RESOLVED)}\n`);
    const engine = startServiceProcess({ runsFolder });
    const server = await startUiServer({ api: engine.api, rendererFolder: tempDir(), runsFolder });
    try {
      await expect(engine.api.openDrill({ logPath: path })).rejects.toMatchObject({ name: 'InputError', where: `${path}:2`, message: `${path}:2: ${PROBLEM}` });
      const socket = await ApiSocket.open({ origin: `http://127.0.0.1:${server.port}`, token: server.token });
      await expect(socket.call('openDrill', { logPath: path })).rejects.toThrow(`InputError: ${path}:2: ${PROBLEM}`);
      socket.close();
    } finally {
      await server.close();
      await engine.stop();
    }
  });
});
