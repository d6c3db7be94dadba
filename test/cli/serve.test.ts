/** `rehearse serve` as users run it: prints its URL when ready, stops on SIGINT/SIGTERM, refuses bad input with exit 2. */
import type { ChildProcess } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { rehearse, startRehearse } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');

/** The first stdout line, and everything on stderr until the process ends. */
function watch(child: ChildProcess): { firstLine: Promise<string>; stderr: () => string; exit: Promise<number | null> } {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const firstLine = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', () => reject(new Error(`exited before printing anything; stderr: ${stderr}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { firstLine, stderr: () => stderr, exit };
}

describe('rehearse serve', () => {
  it('prints its URL when ready, answers /predict, and stops cleanly on SIGINT', async () => {
    const child = startRehearse(['serve', '--model', SMOKE_MODEL, '--port', '0', '--max-batch', '8']);
    const { firstLine, stderr, exit } = watch(child);
    const url = await firstLine;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ features: { date: '2001-03-01 06:05:00', distance: 337 } }),
    });
    expect(await answer.json()).toMatchObject({ model_version: 'smoke-v1', prediction: expect.any(Number), confidence: expect.any(Number) });
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stderr()).toMatch(
      /\[smoke-v1\] serving smoke-v1 \(version smoke-v1, sha256 685dc6d1cae7\) on cpu at http:\/\/127\.0\.0\.1:\d+: max batch 8, queue delay 2 ms, timeout 100 ms/,
    );
    expect(stderr()).toContain('[smoke-v1] stopped');
  });

  it('with --allowed-host answers a request that names that host, and still refuses any other', async () => {
    const child = startRehearse(['serve', '--model', SMOKE_MODEL, '--allowed-host', 'model.internal', '--allowed-host', '10.0.0.5:8001']);
    const { firstLine, exit } = watch(child);
    const url = new URL(await firstLine);
    const readyAs = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpGet({ host: url.hostname, port: url.port, path: '/v2/health/ready', headers: { host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
      });
    expect(await readyAs(`model.internal:${url.port}`)).toBe(200);
    expect(await readyAs('model.internal')).toBe(200);
    expect(await readyAs('10.0.0.5:8001')).toBe(200);
    expect(await readyAs('10.0.0.5:8002')).toBe(421);
    expect(await readyAs(`attacker.example:${url.port}`)).toBe(421);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('with --json prints each server event as a JSON line, and stops on SIGTERM', async () => {
    const child = startRehearse(['serve', '--model', SMOKE_MODEL, '--json', '--faults', '{"errorRate": 0.25}']);
    const events: { kind: string }[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => events.push(JSON.parse(line) as { kind: string }));
    const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    while (!events.some((e) => e.kind === 'server.started')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(events.map((e) => e.kind)).toEqual(['server.faults', 'server.started', 'server.stopped']);
    expect(events[0]).toMatchObject({ source: 'start', faults: { seed: 1, errorRate: 0.25 } });
    expect(events[2]).toMatchObject({ requested: true, exitCode: 0, message: 'stopped as asked' });
  });

  it('refuses a model whose digest does not match: exit 2, both digests printed', () => {
    const dir = join(tempDir(), 'model');
    cpSync(SMOKE_MODEL, dir, { recursive: true });
    writeFileSync(join(dir, 'model-card.json'), '{"name": "changed", "featureSpec": "smoke-v1"}');
    const result = rehearse(['serve', '--model', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/refusing to serve: digest mismatch: model-card\.json expected 648323dc99f0\w+, found (?!648323dc99f0)[0-9a-f]{64}/);
    expect(result.stderr).toContain('--allow-unverified serves it anyway');
  });

  it.each([
    [['serve'], 'rehearse serve: --model: missing; expected a model folder or an .onnx file'],
    [['serve', '--model', SMOKE_MODEL, '--ep', 'tpu'], 'rehearse serve: --ep: expected cpu or cuda, got "tpu"'],
    [['serve', '--model', SMOKE_MODEL, '--timeout-ms', 'soon'], 'rehearse serve: --timeout-ms: expected a number from 1 to 3600000, got "soon"'],
    [['serve', '--model', SMOKE_MODEL, '--max-batch', '2.5'], 'rehearse serve: --max-batch: expected a whole number from 1 to 4096, got "2.5"'],
    [['serve', '--model', 'no/such/model'], 'no/such/model: model not found: expected a model folder or an .onnx file'],
    [['serve', '--model', SMOKE_MODEL, '--faults', '{"errorRate": 2}'], '--faults: errorRate: expected at most 1'],
    [['serve', '--model', SMOKE_MODEL, '--colour'], "rehearse serve: Unknown option '--colour'"],
    [
      ['serve', '--model', SMOKE_MODEL, '--allowed-host', 'http://model.internal/'],
      'rehearse serve: --allowed-host: expected a host name or address with an optional port, such as model.internal or 10.0.0.5:8001, got "http://model.internal/"',
    ],
  ])('refuses %j with exit 2: %s', (args, message) => {
    const result = rehearse(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
