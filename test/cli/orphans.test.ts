/**
 * Children die with their parent: `rehearse serve` and `rehearse run` (the built CLI) are killed
 * with SIGKILL, which gives them no chance to stop anything, and the model servers and the router
 * they started exit by themselves (each watches the pipe its parent holds).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, vi } from 'vitest';
import { startRehearse } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');
/** Generous: a loaded machine may take long to start a server; nothing here is timed. */
const PATIENCE = { timeout: 240_000, interval: 100 };

/** Running: a process that exited but is not yet reaped by whoever adopted it (a zombie, state Z) is not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) {
    return true;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
  } catch {
    return false;
  }
}

/** The `pid` of each event of `kinds` in a run's events.jsonl so far. */
function pidsIn(eventsFile: string, kinds: readonly string[]): Map<string, number> {
  const pids = new Map<string, number>();
  if (!existsSync(eventsFile)) {
    return pids;
  }
  for (const line of readFileSync(eventsFile, 'utf8').split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    try {
      const event = JSON.parse(line) as { kind?: string; pid?: number; label?: string };
      if (event.kind !== undefined && kinds.includes(event.kind) && typeof event.pid === 'number') {
        pids.set(`${event.kind} ${event.label ?? ''}`, event.pid);
      }
    } catch {
      // A line being written: read again at the next poll.
    }
  }
  return pids;
}

describe('children die with their parent', () => {
  it('after kill -9 of rehearse serve, its model server exits', async () => {
    const parent = startRehearse(['serve', '--model', SMOKE_MODEL, '--json']);
    const started = await new Promise<{ pid: number; url: string }>((resolve, reject) => {
      createInterface({ input: parent.stdout! }).on('line', (line) => {
        const event = JSON.parse(line) as { kind: string; pid: number; url: string };
        if (event.kind === 'server.started') {
          resolve(event);
        }
      });
      parent.once('exit', (code) => reject(new Error(`rehearse serve exited (${code}) before its server started`)));
    });
    expect(started.pid).not.toBe(parent.pid);
    expect(alive(started.pid)).toBe(true);
    expect((await fetch(`${started.url}/v2/health/ready`)).status).toBe(200);
    const parentGone = new Promise((resolve) => parent.once('exit', resolve));
    parent.kill('SIGKILL');
    await parentGone;
    await vi.waitFor(() => expect(alive(started.pid)).toBe(false), PATIENCE);
    await expect(fetch(`${started.url}/v2/health/ready`)).rejects.toThrow();
  }, 300_000);

  it('after kill -9 of rehearse run during a rollout, its model servers and its router exit', async () => {
    const out = tempDir();
    const events = join(out, 'events.jsonl');
    // The snapshot is in node_modules, which may be a link to another checkout's.
    const parent = startRehearse(['run', 'scenarios/rollout-green-slow.yaml', '--out', out, '--workspace', realpathSync(join(ROOT, 'node_modules'))]);
    let stderr = '';
    parent.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => parent.once('exit', resolve));
    let pids = new Map<string, number>();
    let ended = false;
    void exited.then(() => (ended = true));
    await vi.waitFor(() => {
      pids = pidsIn(events, ['server.started', 'router.started']);
      if (!ended) {
        expect([...pids.keys()].filter((k) => k.startsWith('router.started'))).toHaveLength(1);
      }
    }, PATIENCE);
    expect(ended, `rehearse run ended before its router started: ${stderr}`).toBe(false);
    expect(pids.size).toBeGreaterThanOrEqual(3);
    for (const pid of pids.values()) {
      expect(alive(pid)).toBe(true);
    }
    parent.kill('SIGKILL');
    await exited;
    await vi.waitFor(() => expect([...pids].filter(([, pid]) => alive(pid))).toEqual([]), PATIENCE);
  }, 600_000);
});
