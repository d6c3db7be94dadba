import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-main/contract/events';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse } from '../support/cli';
import { FLIGHTS_3M, ROOT, tempDir } from '../support/paths';

function events(dir: string): RunEvent[] {
  return readFileSync(join(dir, 'events.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RunEvent);
}

describe('rehearse run with a rollout', () => {
  it('blue no longer compatible: NOT READY before the first step, no server started, the bridge named as burned', () => {
    const out = tempDir();
    const result = rehearse(['run', 'scenarios/rollout-blue-incompatible.yaml', '--out', out]);
    expect(result.code).toBe(1);
    const log = events(out);
    expect(log.find((e) => e.kind === 'rollout.compatibility')).toMatchObject({ model: 'blue-v1', compatible: false, missing: ['destination'], present: ['distance', 'date', 'origin'] });
    expect(log.some((e) => e.kind === 'server.started' || e.kind === 'router.started' || e.kind === 'router.weights')).toBe(false);
    expect(log.find((e) => e.kind === 'rollout.finished')).toMatchObject({ outcome: 'not-started' });
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
    const check = report.checks.find((c) => c.id === 'rollback-readiness')!;
    expect(check.status).toBe('FAIL');
    expect(check.observed).toBe("The bridge is burned: today's records lack destination, which blue's serving pipeline needs, so blue cannot take traffic back. The rollout stopped before its first step.");
    expect(result.stdout).toContain('rollback-readiness     FAIL     The bridge is burned');
  });

  it('validates the rollout scenarios', () => {
    for (const name of ['green-better', 'green-worse', 'green-slow', 'blue-incompatible']) {
      const result = rehearse(['validate', `scenarios/rollout-${name}.yaml`]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('phases preflight, score, rollout, verdict');
    }
  });

  it('names the field of a bad plan with its line, exit 2', () => {
    const dir = tempDir();
    const path = join(dir, 'bad.yaml');
    writeFileSync(
      path,
      `name: bad
models:
  blue: { path: ${join(ROOT, 'scenarios/demo/models/blue-v1')} }
  green: { path: ${join(ROOT, 'scenarios/demo/models/green-v2')} }
snapshots:
  production: { path: ${FLIGHTS_3M}, timestamp: date }
rollout:
  steps:
    - setWeight: 150
    - analysis: { gates: [p99LatencyMs, nope] }
`,
    );
    const result = rehearse(['validate', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}:9:18: rollout.steps[0].setWeight: expected at most 100`);
    expect(result.stderr).toContain('rollout.steps[1].analysis.gates[1]');
  });

  it('a rollout without a green model is bad input naming models.green, exit 2', () => {
    const dir = tempDir();
    const path = join(dir, 'blue-only.yaml');
    writeFileSync(
      path,
      `name: blue-only
models:
  blue: { path: ${join(ROOT, 'scenarios/smoke/model')} }
snapshots:
  production: { path: ${join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet')}, timestamp: date, label: delay > 15 }
rollout:
  steps: [{ setWeight: 10 }, { analysis: {} }]
`,
    );
    const out = tempDir();
    const result = rehearse(['run', path, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('models.green');
    expect(result.stderr).toContain('a rollout needs a green model');
    expect(events(out).at(-1)).toMatchObject({ kind: 'run.finished' });
  });
});
