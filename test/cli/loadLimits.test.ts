/**
 * Sizes this machine cannot run, refused by the built `rehearse` before anything starts: the
 * probe's `peakRps: 1000000, duration: 60s` (which grew a run to 1.6 GB and ignored Ctrl-C),
 * a rate for `rehearse load` no core sends, and a timeout that would hold more than half the memory.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearse } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

function scenarioWithLoad(load: string): string {
  const path = join(tempDir(), 'absurd.yaml');
  writeFileSync(
    path,
    `name: absurd
models:
  blue:
    path: ${join(ROOT, 'scenarios/smoke/model')}
snapshots:
  production:
    path: ${join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet')}
    timestamp: date
    label: delay > 15
load:
${load}`,
  );
  return path;
}

describe('sizes this machine cannot run', () => {
  it('validate and run refuse peakRps: 1000000 with exit 2, naming the field and the limit; the run writes nothing', () => {
    const scenario = scenarioWithLoad('  peakRps: 1000000\n  duration: 60s\n');
    const validate = rehearse(['validate', scenario]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain(
      `${scenario}: load.peakRps (1,000,000 x multiplier 2 x (1 + headroom 0.5)): 3,000,000 requests/s is more than this machine's load generator can send: expected at most 100,000 requests/s`,
    );
    expect(validate.stderr).toContain('measured by npm run bench:limits');
    const out = join(tempDir(), 'run');
    const run = rehearse(['run', scenario, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('load.peakRps');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a timeout that would hold more requests than half the memory', () => {
    const result = rehearse(['validate', scenarioWithLoad('  peakRps: 20000\n  duration: 1d\n  timeout: 30d\n')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/load\.timeout: at 60,000 requests\/s, a timeout of 2592000 s holds up to [\d,]+ requests in memory at once/);
  });

  it('rehearse load refuses --rate and --peak-rps past the limit before asking the server anything', () => {
    const rate = rehearse(['load', '--url', 'http://127.0.0.1:9', '--rate', '5000000']);
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain("rehearse load: --rate: 5,000,000 requests/s is more than this machine's load generator can send");
    const peak = rehearse(['load', '--url', 'http://127.0.0.1:9', '--peak-rps', '1000000', '--duration', '60s']);
    expect(peak.code).toBe(2);
    expect(peak.stderr).toContain('--peak-rps (x multiplier x (1 + headroom)): 3,000,000 requests/s');
    expect(peak.stderr).not.toContain('cannot reach');
  });
});
