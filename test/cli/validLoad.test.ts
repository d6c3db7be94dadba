/**
 * Valid load by default and clear refusals, with the real model server (`rehearse serve`, a
 * separate process) and the real load tool (`rehearse load`): on the demo's blue model, whose
 * category codes feed embeddings, a load without --payload-from draws rows from the reference
 * profile the server publishes and gets no error; a code out of range is a 400 naming the input,
 * the value and the range; a model with codes and no profile is refused with "use --payload-from".
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src-main/contract/load';
import { rehearse, startRehearse } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

const BLUE = join(ROOT, 'scenarios/demo/models/blue-v1');
const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill('SIGINT')));

/** Starts `rehearse serve` and resolves with its URL, the first line it prints. */
async function serve(args: readonly string[]): Promise<string> {
  const child = startRehearse(['serve', ...args, '--port', '0']);
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error(`serve exited: ${stderr}`)));
  });
}

async function post(url: string, body: unknown): Promise<{ status: number; json: { error?: string; field?: string } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as { error?: string; field?: string } };
}

describe("the demo's blue model served", () => {
  it('answers 400 naming the input, the value and the range for a code its embedding lacks, and for a wrong width', async () => {
    const url = await serve(['--model', BLUE]);
    const code = await post(`${url}/predict`, { features: [500, 6, 2, 999, 3] });
    expect(code).toEqual({
      status: 400,
      json: expect.objectContaining({
        field: 'features',
        error: 'features: expected a category code of "origin_index" (input "features", position 3) as an integer in 0..207, got 999',
      }),
    });
    const infer = await post(`${url}/v2/models/blue-v1/infer`, { inputs: [{ name: 'features', shape: [1, 5], datatype: 'FP32', data: [500, -1, 2, 3, 3] }] });
    expect(infer.status).toBe(400);
    expect(infer.json.error).toContain('"dep_hour" (input "features", position 1) as an integer in 0..23, got -1');
    const width = await post(`${url}/predict`, { features: [500, 6, 2, 3] });
    expect(width.status).toBe(400);
    expect(width.json.error).toMatch(/^features: expected 5 numbers \(features in order: distance, dep_hour/);
    expect((await post(`${url}/predict`, { features: [500, 6, 2, 3, 3] })).status).toBe(200);
  });

  it('takes a default load, drawn from its published reference profile, without one error on either protocol', async () => {
    const url = await serve(['--model', BLUE, '--timeout-ms', '5000']);
    for (const protocol of ['predict', 'oip']) {
      const run = rehearse(['load', '--url', url, '--protocol', protocol, '--rate', '40', '--duration', '3s', '--sla-ms', '5000', '--json']);
      const result = JSON.parse(run.stdout) as LoadResult;
      expect(result.payload, protocol).toBe(
        'numeric, model blue-v1, width 5, 1024 rows drawn from its reference profile (quantiles and observed category codes)',
      );
      expect(result.requests.sent, protocol).toBeGreaterThan(0);
      expect(result.errors, protocol).toBe(0);
      expect(result.requests.ok, protocol).toBe(result.requests.sent);
    }
  });

  it('refuses a default load on a model with category codes and no reference profile: use --payload-from (exit 2)', async () => {
    const folder = join(tempDir(), 'blue-no-profile');
    cpSync(BLUE, folder, { recursive: true });
    rmSync(join(folder, 'reference.json'));
    const url = await serve(['--model', folder, '--allow-unverified']);
    const run = rehearse(['load', '--url', url, '--rate', '10', '--duration', '1s']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'the model has categorical inputs (dep_hour, dep_weekday, origin_index, destination_index) and the server publishes no reference profile to draw valid codes from: use --payload-from <snapshot>',
    );
  });
});
