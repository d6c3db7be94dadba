/** `rehearse serve --backend docker` as users run it: a container with limits, its end told; no engine, no limits without it. */
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { rehearse, startRehearse } from '../support/cli';
import { DOCKER, DOCKER_MISSING, SMOKE_MODEL } from '../support/docker';
import { tempDir } from '../support/paths';
import { requireService } from '../support/services';

function firstLineOf(child: ChildProcess): { url: Promise<string>; stderr: () => string; exit: Promise<number | null> } {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error(`exited before printing its URL; stderr: ${stderr}`)));
  });
  return { url, stderr: () => stderr, exit: new Promise((resolve) => child.once('close', resolve)) };
}

describe('rehearse serve --backend docker', () => {
  it('serves from a container with the limits given, prints what it runs, and stops on SIGTERM', async (context) => {
    requireService(context, DOCKER.available, DOCKER_MISSING);
    const child = startRehearse(['serve', '--model', SMOKE_MODEL, '--backend', 'docker', '--memory', '384m', '--cpus', '1']);
    const { url, stderr, exit } = firstLineOf(child);
    const address = await url;
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${address}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ features: { date: '2001-03-01 06:05:00', distance: 337 } }),
    });
    expect(await answer.json()).toMatchObject({ model_version: 'smoke-v1' });
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stderr()).toMatch(
      /image: rehearsal-serve:m685dc6d1cae7-l[0-9a-f]{12}-c[0-9a-f]{12} (found \(built before\)|built in [\d.]+ s), \d+ MB; container [0-9a-f]{12}: memory 384 MiB \(swap off\), 1 CPU, read-only root, no capabilities, host network on 127\.0\.0\.1/,
    );
    expect(stderr()).toContain('[smoke-v1] stopped');
  });

  it("names a model folder path too long for the image's tar context (exit 2), before anything is built, without a stack trace", (context) => {
    requireService(context, DOCKER.available, DOCKER_MISSING);
    const model = join(tempDir(), 'model');
    cpSync(SMOKE_MODEL, model, { recursive: true });
    const folder = join(model, 'notes', 'b'.repeat(60), 'c'.repeat(60));
    mkdirSync(folder, { recursive: true });
    const long = join(folder, `${'d'.repeat(120)}.txt`);
    writeFileSync(long, 'a note beside the model\n');
    const result = rehearse(['serve', '--model', model, '--backend', 'docker']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`rehearse serve: ${long}: this path is too long for the image's build context (a tar file)`);
    expect(result.stderr).toContain('at most 100 bytes after a folder part of at most 155');
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('says "Docker unavailable" (exit 2) when no engine answers', () => {
    const socket = join(tempDir(), 'none.sock');
    const result = rehearse(['serve', '--model', SMOKE_MODEL, '--backend', 'docker'], { env: { DOCKER_HOST: `unix://${socket}` } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `rehearse serve: Docker unavailable: no engine answered at unix://${socket} (connect ENOENT ${socket}); start dockerd, or use the embedded backend`,
    );
    expect(result.stdout).toBe('');
  });

  it('refuses container limits without the Docker backend, and bad limits, naming the flag', () => {
    const embedded = rehearse(['serve', '--model', SMOKE_MODEL, '--memory', '512m']);
    expect(embedded.code).toBe(2);
    expect(embedded.stderr).toContain('--memory, --cpus and --gpus are container limits; they need --backend docker');
    const memory = rehearse(['serve', '--model', SMOKE_MODEL, '--backend', 'docker', '--memory', '512MB']);
    expect(memory.code).toBe(2);
    expect(memory.stderr).toContain('--memory: expected a memory size such as 512m or 2g');
    const cpus = rehearse(['serve', '--model', SMOKE_MODEL, '--backend', 'docker', '--cpus', 'two']);
    expect(cpus.stderr).toContain('--cpus: expected a number of CPUs above 0 such as 1 or 1.5, got "two"');
    const backend = rehearse(['serve', '--model', SMOKE_MODEL, '--backend', 'k8s']);
    expect(backend.stderr).toContain('--backend: expected one of embedded, docker, got "k8s"');
  });
});
