import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KneeResult, LoadResult } from '../../src-main/contract/load';
import { rehearse, startRehearse } from '../support/cli';
import { startPlainTarget, type PlainTarget } from '../support/plainTarget';

/** Runs the CLI without blocking this process, whose event loop serves the test target. */
async function rehearseAsync(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child: ChildProcess = startRehearse(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

let target: PlainTarget;
beforeAll(async () => {
  target = await startPlainTarget();
});
afterAll(async () => target.close());

describe('rehearse load', () => {
  it('prints exactly the listed JSON names under --json, at peak x multiplier x (1 + headroom), exit 0 within the SLA', async () => {
    const run = await rehearseAsync(['load', '--url', target.url, '--peak-rps', '20', '--duration', '1s', '--sla-ms', '5000', '--json']);
    expect(run.stderr).toContain('60 rps (peak 20 x 2 x 1.5)');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as LoadResult;
    for (const key of ['plannedRps', 'achievedRps', 'latencyMs', 'uncorrectedLatencyMs', 'errors', 'timeouts', 'dropped', 'slaPass'] as const) {
      expect(result, key).toHaveProperty(key);
    }
    for (const view of [result.latencyMs, result.uncorrectedLatencyMs]) {
      expect(Object.keys(view)).toEqual(['p50', 'p90', 'p95', 'p99', 'p999', 'max']);
    }
    expect(result).toMatchObject({ plannedRps: 60, targetRps: 60, errors: 0, timeouts: 0, dropped: 0, slaPass: true, shape: 'constant', protocol: 'predict' });
    expect(result.requests.sent).toBe(target.arrivals.length);
  });

  it('exits 1 when the SLA fails and prints the three latency views for a person', async () => {
    target.reset();
    target.behave({ status: (n) => (n % 2 === 0 ? 500 : 200) });
    const run = await rehearseAsync([
      'load',
      '--url',
      target.url,
      '--rate',
      '50',
      '--duration',
      '1s',
      '--payload-from',
      'scenarios/smoke/flights-2001-03-01.parquet',
    ]);
    target.behave({});
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/corrected\s+[\d.]+/);
    expect(run.stdout).toMatch(/uncorrected\s+[\d.]+/);
    expect(run.stdout).toMatch(/lateness\s+[\d.]+/);
    expect(run.stdout).toContain('(http 500: ');
    expect(run.stdout).toContain('SLA p99 <= 100 ms: FAIL');
    expect(run.stdout).toMatch(/sent records of 2001-03-01T00:\d\d:00 to 2001-03-01T\d\d:\d\d:00 \(event time\)/);
  });

  it('finds the knee with --find-knee: every rate tried, the highest that holds', async () => {
    const run = await rehearseAsync([
      'load',
      '--url',
      target.url,
      '--rate',
      '40',
      '--duration',
      '1s',
      '--sla-ms',
      '5000',
      '--find-knee',
      '--max-rps',
      '80',
      '--json',
    ]);
    const knee = JSON.parse(run.stdout) as KneeResult & { targetRps: number };
    expect(knee.targetRps).toBe(40);
    // From a quarter of the target, up by half each step, to the cap of 80 unless a run broke
    // first (a rate the generator fell behind at is tried twice).
    const rates = [...new Set(knee.steps.map((s) => s.rps))];
    expect(rates).toEqual([10, 15, 22.5, 33.8, 50.7, 76.1, 80].slice(0, rates.length));
    const held = knee.steps.filter((s) => s.slaPass && s.onSchedule).map((s) => s.rps);
    expect(knee.kneeRps).toBe(held.at(-1) ?? null);
    expect(knee.stoppedBy).toBe(knee.kneeRps === 80 ? 'max-rate' : 'generator');
    expect(run.code).toBe(knee.kneeRps !== null && knee.kneeRps >= 40 ? 0 : 1);
  });

  it('refuses bad flags with exit 2, naming the flag', () => {
    const cases: [string[], RegExp][] = [
      [['--rate', '10'], /missing --url/],
      [['--url', 'http://127.0.0.1:9'], /missing --rate <rps> or --peak-rps/],
      [['--url', 'http://127.0.0.1:9', '--rate', '10', '--peak-rps', '5'], /either --rate or --peak-rps/],
      [['--url', 'http://127.0.0.1:9', '--rate=-3'], /--rate: expected a positive number, got "-3"/],
      [['--url', 'http://127.0.0.1:9', '--rate', '10', '--duration', 'soon'], /--duration: expected a duration/],
      [['--url', 'http://127.0.0.1:9', '--rate', '10', '--shape', 'sine'], /--shape: expected one of constant, ramp, step, spike/],
      [['--url', 'http://127.0.0.1:9', '--rate', '10', '--protocol', 'oip', '--payload-from', 'x.parquet'], /use --protocol predict/],
      [['--url', 'http://127.0.0.1:9', '--rate', '10', '--multiplier', '2'], /--multiplier and --headroom go with --peak-rps/],
      [['--url', 'http://127.0.0.1:9', '--peak-rps', '10', '--headroom=-1'], /--headroom: expected a number >= 0/],
      [['--url', 'https://127.0.0.1:9', '--rate', '10'], /expected an http:\/\/ URL/],
      [['--url', 'http://127.0.0.1:9', '--rate', '10', '--payload-from', 'missing.parquet'], /missing.parquet: snapshot file not found/],
      [['--url', 'http://127.0.0.1:9', '--rate', '10'], /cannot reach the server/],
    ];
    for (const [args, message] of cases) {
      const run = rehearse(['load', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stdout).toBe('');
    }
  });
});
