/**
 * The app's workspace, in browser mode over its real WebSocket API and engine process: a path
 * typed in the app (a scenario to validate or run, a run log to drill) is read only inside the
 * project folder, the runs folder and the folders named with `--workspace` at launch.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioSummary } from '../../src-main/contract/scenarioSummary';
import { ApiSocket, startBrowserMode, type BrowserMode } from '../support/browserMode';
import { ROOT, tempDir } from '../support/paths';

describe('the app reads only inside its workspace', () => {
  let mode: BrowserMode;
  let socket: ApiSocket;
  const opened = tempDir();
  const elsewhere = tempDir();

  beforeAll(async () => {
    const scenario = (name: string) =>
      `name: ${name}\nmodels:\n  blue:\n    path: ${join(ROOT, 'scenarios/smoke/model')}\nsnapshots:\n  production:\n    path: day.parquet\n    timestamp: date\n`;
    for (const dir of [opened, elsewhere]) {
      copyFileSync(join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet'), join(dir, 'day.parquet'));
    }
    writeFileSync(join(opened, 'inside.yaml'), scenario('inside'));
    writeFileSync(join(elsewhere, 'outside.yaml'), scenario('outside'));
    writeFileSync(join(elsewhere, 'secret.yaml'), 'password: hunter2\n');
    mode = await startBrowserMode(['--workspace', opened]);
    socket = await ApiSocket.open(mode);
  });

  afterAll(async () => {
    socket?.close();
    expect(await mode?.stop()).toBe(0);
  });

  it('validates a scenario in a folder named with --workspace', async () => {
    const summary = await socket.call<ScenarioSummary>('validateScenario', join(opened, 'inside.yaml'));
    expect(summary).toMatchObject({ name: 'inside', valid: true });
  });

  it('does not read /etc/passwd, or a YAML file outside, when asked to validate it; says why without its content', async () => {
    for (const path of ['/etc/passwd', join(elsewhere, 'secret.yaml'), join(elsewhere, 'outside.yaml')]) {
      const summary = await socket.call<ScenarioSummary>('validateScenario', path);
      expect(summary.valid).toBe(false);
      expect(summary.issues).toEqual([expect.objectContaining({ file: path, message: expect.stringMatching(/^outside the workspace/) })]);
      expect(summary.issues[0]!.message).toContain(`${opened} (--workspace)`);
      expect(summary.issues[0]!.message).toContain('start the app with --workspace <folder>');
      expect(JSON.stringify(summary)).not.toMatch(/root:x|hunter2/);
    }
  });

  it('refuses to start a run this machine cannot size, naming the field', async () => {
    writeFileSync(join(opened, 'absurd.yaml'), `${readFileSync(join(opened, 'inside.yaml'), 'utf8')}load:\n  peakRps: 1000000\n  duration: 60s\n`);
    await expect(socket.call('startRun', { scenarioPath: join(opened, 'absurd.yaml') })).rejects.toThrow(
      /load\.peakRps .*more than this machine's load generator can send/,
    );
  });

  it('refuses to run or drill a file outside', async () => {
    await expect(socket.call('startRun', { scenarioPath: '/etc/passwd' })).rejects.toThrow(/outside the workspace/);
    await expect(socket.call('startRun', { scenarioPath: join(elsewhere, 'outside.yaml') })).rejects.toThrow(/outside the workspace/);
    await expect(socket.call('openDrill', { logPath: '/etc/passwd' })).rejects.toThrow(/outside the workspace/);
  });
});
