/**
 * `rehearse ui`: browser mode as users start it, with the real engine in its own
 * process. Every request needs the token; every WebSocket message is validated; a run on the
 * smoke scenario streams its events, draws its prediction lane and exports its report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-main/contract/events';
import type { ControlReceipt, ExportedReport, LaunchState, RunHandle } from '../../src-main/contract/rehearsalApi';
import type { RunView } from '../../src-main/contract/runView';
import type { ScenarioSummary } from '../../src-main/contract/scenarioSummary';
import { ApiSocket, startBrowserMode, upgradeStatus, type BrowserMode } from '../support/browserMode';
import { rehearse } from '../support/cli';
import { ROOT, SMOKE } from '../support/paths';

/** A raw HTTP GET (no URL normalization by a client), with headers. */
function get(
  mode: BrowserMode,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = new URL(mode.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), path, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('rehearse ui', () => {
  let mode: BrowserMode;
  let cookie: Record<string, string>;
  beforeAll(async () => {
    mode = await startBrowserMode();
    cookie = { Cookie: `rehearsal_token=${mode.token}` };
  });
  afterAll(async () => {
    expect(await mode.stop()).toBe(0);
  });

  it('prints the address with a random token; the engine runs in another process', () => {
    expect(mode.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const engine = /the engine runs in process (\d+)/.exec(mode.stderr());
    expect(Number(engine?.[1])).toBeGreaterThan(0);
    expect(Number(engine?.[1])).not.toBe(mode.child.pid);
  });

  it('refuses every request without the token: the page, its scripts, the WebSocket upgrade', async () => {
    const page = await get(mode, '/', cookie);
    expect(page.status).toBe(200);
    const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(page.body)![1]!;
    for (const path of ['/', script, '/index.html', '/?token=wrong']) {
      expect((await get(mode, path)).status, path).toBe(401);
    }
    expect((await get(mode, script, { Cookie: 'rehearsal_token=wrong' })).status).toBe(401);
    const api = `${mode.origin.replace('http', 'ws')}/api`;
    expect(await upgradeStatus(api, { Origin: mode.origin })).toBe(401);
    expect(await upgradeStatus(`${api}?token=wrong`, { Origin: mode.origin })).toBe(401);
    // A page of another site cannot use a visitor's cookie to reach the API.
    expect(await upgradeStatus(api, { ...cookie, Origin: 'http://evil.example' })).toBe(401);
    expect(await upgradeStatus(api, cookie)).toBe(401);
    expect(await upgradeStatus(api, { ...cookie, Origin: mode.origin })).toBe(101);
  });

  it('trades the token in the URL for an HttpOnly, SameSite=Strict cookie and serves the page with its CSP', async () => {
    const first = await get(mode, `/?token=${mode.token}`);
    expect(first.status).toBe(303);
    expect(first.headers['location']).toBe('/');
    expect(first.headers['set-cookie']).toEqual([`rehearsal_token=${mode.token}; HttpOnly; SameSite=Strict; Path=/`]);
    const page = await get(mode, '/', cookie);
    expect(page.body).toContain('<div id="root"></div>');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(page.body)![1]!;
    expect((await get(mode, script, cookie)).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the app: other hosts, other methods, paths out of the folder', async () => {
    expect((await get(mode, '/', { ...cookie, Host: 'evil.example' })).status).toBe(421);
    expect((await get(mode, '/', cookie, 'POST')).status).toBe(405);
    for (const path of [
      '/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/assets/../../package.json',
      '/%00',
      '/reports/00000000-0000-4000-8000-000000000000/events.jsonl',
    ]) {
      expect((await get(mode, path, cookie)).status, path).toBe(404);
    }
  });

  it('validates every message before the engine sees it', async () => {
    const socket = await ApiSocket.open(mode);
    try {
      expect(await socket.send('not json', -1)).toMatchObject({ ok: false, error: { name: 'ApiRefusal', message: expect.stringContaining('not a call') } });
      await expect(socket.call('deleteEverything')).rejects.toThrow('ApiRefusal: unknown member "deleteEverything"');
      await expect(socket.call('startRun', { scenarioPath: 42 })).rejects.toThrow('startRun: invalid arguments: 0.scenarioPath');
      await expect(socket.call('controlRun', 'x', { kind: 'pause' })).rejects.toThrow('invalid arguments: 0');
      expect(await socket.send({ type: 'call', id: 7, member: 'listScenarios', args: [], extra: 1 }, 7)).toMatchObject({ ok: false });
      const invalid = await socket.call<ScenarioSummary>('validateScenario', join(ROOT, 'test/fixtures/scenarios/typo-key.yaml'));
      expect(invalid).toMatchObject({
        valid: false,
        issues: [
          { path: 'snapshots.production.timestamp', line: 7 },
          { path: 'snapshots.production.timestmap', line: 8 },
        ],
      });
    } finally {
      socket.close();
    }
  });

  it('runs the smoke scenario: events stream, the prediction, drift and alert lanes draw, the others say why not, the report exports', async () => {
    const socket = await ApiSocket.open(mode);
    try {
      const launch = await socket.call<LaunchState>('getLaunch');
      expect(launch.scenario).toMatchObject({ name: 'smoke', builtIn: true, valid: true });
      expect(launch.choices.backend.note).toContain('Docker runs each profile in a container with real memory and CPU limits');
      const run = await socket.call<RunHandle>('startRun', { scenarioPath: launch.scenario!.path, backend: 'docker', speed: 'max' });
      const finished = await socket.nextEvent(run.runId, (e) => e.kind === 'run.finished');
      expect(finished).toMatchObject({ verdict: 'NOT READY' });
      const kinds = socket.events.filter((e) => e.runId === run.runId).map((e) => e.event.kind);
      expect(kinds).toContain('progress');
      expect(kinds).toContain('score.summary');
      expect(socket.events.some((e) => e.event.kind === 'notice' && e.event.message.startsWith('backend "docker" chosen'))).toBe(true);
      const view = await socket.call<RunView>('getRunView', run.runId);
      expect(view.lanes.predictions).toMatchObject({ measured: true, data: { series: [{ role: 'blue', model: 'smoke-v1' }] } });
      // The replay against a week of January fills the drift and alert lanes.
      expect(view.lanes.drift).toMatchObject({ measured: true, data: { features: ['distance_k', 'dep_hour', 'prediction'] } });
      expect(view.lanes.alerts).toMatchObject({ measured: true });
      // The smoke scenario's load ran under both of its profiles (in containers, as chosen, or embedded without an engine, which the run says).
      expect(view.lanes.load).toMatchObject({ measured: true, data: { slaMs: 500, profiles: [{ name: 'staging' }, { name: 'production' }] } });
      for (const lane of ['traffic', 'latency'] as const) {
        expect(view.lanes[lane], lane).toMatchObject({ measured: false, reason: expect.stringMatching(/^this run had no \w+ phase/) });
      }
      expect(view.checklist).toHaveLength(7);
      expect(view).toMatchObject({ verdict: 'NOT READY', control: { state: 'finished', accepts: [] }, extent: { from: '2001-03-01T00:00:00' } });
      const late = await socket.call<ControlReceipt>('controlRun', run.runId, { kind: 'rollback' });
      expect(late).toMatchObject({ effect: 'ignored', note: 'the run has finished' });
      const exported = await socket.call<ExportedReport>('exportReport', run.runId, { formats: ['json', 'md', 'html'] });
      expect(exported.files.map((f) => f.format)).toEqual(['json', 'md', 'html']);
      for (const file of exported.files) {
        expect(existsSync(file.path), file.path).toBe(true);
      }
      expect(JSON.parse(readFileSync(exported.files[0]!.path, 'utf8'))).toMatchObject({ verdict: 'NOT READY', complete: true });
      const served = await get(mode, `/reports/${run.runId}/report.html`, cookie);
      expect(served.status).toBe(200);
      expect(served.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    } finally {
      socket.close();
    }
  });

  it('a person pauses a paced run, rolls back by hand (recorded: no rollout runs yet), and stops it', async () => {
    const socket = await ApiSocket.open(mode);
    try {
      const run = await socket.call<RunHandle>('startRun', { scenarioPath: SMOKE, speed: 1 });
      await socket.nextEvent(run.runId, (e) => e.kind === 'progress' && e.done > 0);
      expect(await socket.call<ControlReceipt>('controlRun', run.runId, { kind: 'pause' })).toMatchObject({ effect: 'applied' });
      const receipt = await socket.call<ControlReceipt>('controlRun', run.runId, { kind: 'rollback', reason: 'by hand' });
      expect(receipt).toMatchObject({ effect: 'recorded', note: expect.stringContaining('no rollout phase') });
      const recorded = await socket.nextEvent(run.runId, (e) => e.kind === 'run.control' && e.command.kind === 'rollback');
      expect(recorded.eventTime).toMatch(/^2001-03-01T/);
      expect((await socket.call<RunView>('getRunView', run.runId)).control).toMatchObject({ state: 'paused', speed: 1 });
      await socket.call('stopRun', run.runId);
      await socket.nextEvent(run.runId, (e) => e.kind === 'run.finished');
      const log = readFileSync(join(mode.runs, run.runId, 'events.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as RunEvent);
      expect(log.filter((e) => e.kind === 'run.control').map((e) => e.kind === 'run.control' && [e.command.kind, e.effect])).toEqual([
        ['pause', 'applied'],
        ['rollback', 'recorded'],
        ['stop', 'applied'],
      ]);
    } finally {
      socket.close();
    }
  });
});

describe('rehearse ui, bad input', () => {
  it('opens with the scenario given by --scenario selected', async () => {
    const mode = await startBrowserMode(['--scenario', 'test/fixtures/scenarios/typo-key.yaml']);
    const socket = await ApiSocket.open(mode);
    try {
      expect(await socket.call<LaunchState>('getLaunch')).toMatchObject({
        scenario: { path: join(ROOT, 'test/fixtures/scenarios/typo-key.yaml'), builtIn: false, valid: false },
      });
    } finally {
      socket.close();
      await mode.stop();
    }
  });

  it('exits 2 naming the flag or the file', () => {
    const missing = rehearse(['ui', '--scenario', 'nowhere.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.yaml: scenario file not found (--scenario)');
    const port = rehearse(['ui', '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port: expected a port number from 0 (any free port) to 65535, got "eighty"');
  });
});
