/** A real `rehearse serve` of a model in its own process, for tests whose load must not share the test's event loop. */
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { startRehearse } from './cli';
import { ROOT } from './paths';

export const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');

/** A started server: its URL and a stop that waits for its exit code. */
export interface ServedModel {
  readonly url: string;
  stop(): Promise<number | null>;
}

const started: ServedModel[] = [];
afterAll(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

/** Starts `rehearse serve --model <model> --port 0 ...extra` and resolves once it prints its URL; stopped when the file ends. */
export async function serveModel(model: string = SMOKE_MODEL, extra: readonly string[] = []): Promise<ServedModel> {
  const child = startRehearse(['serve', '--model', model, '--port', '0', ...extra]);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error(`rehearse serve exited before printing its URL; stderr: ${stderr}`)));
  });
  let stopped: Promise<number | null> | null = null;
  const served: ServedModel = {
    url,
    stop: () => (stopped ??= (child.kill('SIGTERM'), exit)),
  };
  started.push(served);
  return served;
}
