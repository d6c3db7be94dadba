/**
 * Ctrl-C on `rehearse run`, as a person presses it: a real SIGINT to the built CLI while the demo's
 * preflight reads three months of flights through DuckDB. "stopping" is said at once, the step
 * under way is cancelled (its query interrupted) rather than finished, and what was written is
 * kept: the log validates and ends with the stop and the run's end. No wall-clock bound is
 * asserted; the 60 s timeout only guards against a hang.
 */
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvents, startRehearse } from '../support/cli';
import { FLIGHTS_3M, ROOT, tempDir } from '../support/paths';

describe('Ctrl-C on rehearse run', () => {
  it('during preflight: "stopping" at once, the phase cancelled (not finished ok), the log kept and valid', async () => {
    const out = join(tempDir(), 'demo');
    const child = startRehearse(['run', join(ROOT, 'scenarios/demo.yaml'), '--out', out, '--workspace', dirname(realpathSync(FLIGHTS_3M))]);
    let stderr = '';
    let signalled = false;
    const order: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Both models loaded: preflight now samples and checks the features, its slow part.
      if (!signalled && /green green-v2 loaded on/.test(stderr)) {
        signalled = true;
        order.push('signal');
        child.kill('SIGINT');
      }
      if (signalled && !order.includes('stopping') && stderr.includes('stopping:')) {
        order.push('stopping');
      }
    });
    child.stdout!.resume();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    order.push('exit');
    expect(signalled).toBe(true);
    expect(order).toEqual(['signal', 'stopping', 'exit']);
    expect(code).toBe(1);
    expect(stderr).toContain('[preflight] skipped: stopped');
    // The log validates line by line (runEvents reads it as `rehearse report` does) and ends with the stop and the run's end.
    const events = runEvents(out);
    const stop = events.findIndex((e) => e.kind === 'run.control' && e.command.kind === 'stop');
    expect(stop).toBeGreaterThan(0);
    const after = events.slice(stop);
    expect(after.find((e) => e.kind === 'phase.finished' && e.phase === 'preflight')).toMatchObject({ outcome: 'skipped', message: 'stopped' });
    expect(after.some((e) => e.kind === 'phase.finished' && e.outcome === 'ok')).toBe(false);
    expect(after.some((e) => e.kind === 'phase.started')).toBe(false);
    expect(events.at(-1)).toMatchObject({ kind: 'run.finished', verdict: 'NOT READY' });
    expect(stderr).toContain('report.pdf not written: the run was stopped');
  }, 60_000);
});
