import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse, runEvents, writeScenario } from '../support/cli';
import { FLIGHTS_3M, ROOT, tempDir } from '../support/paths';

describe('rehearse run with a rollout', () => {
  it('blue no longer compatible: NOT READY before the first step, no server started, the bridge named as burned', () => {
    const out = tempDir();
    const result = rehearse(['run', 'scenarios/rollout-blue-incompatible.yaml', '--out', out]);
    expect(result.code).toBe(1);
    const log = runEvents(out);
    expect(log.find((e) => e.kind === 'rollout.compatibility')).toMatchObject({
      model: 'blue-v1',
      compatible: false,
      missing: ['destination'],
      present: ['distance', 'date', 'origin'],
    });
    expect(log.some((e) => e.kind === 'server.started' || e.kind === 'router.started' || e.kind === 'router.weights')).toBe(false);
    expect(log.find((e) => e.kind === 'rollout.finished')).toMatchObject({ outcome: 'not-started' });
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
    const check = report.checks.find((c) => c.id === 'rollback-readiness')!;
    expect(check.status).toBe('FAIL');
    expect(check.observed).toBe(
      "The bridge is burned: today's records lack destination, which blue's serving pipeline needs, so blue cannot take traffic back. The rollout stopped before its first step.",
    );
    expect(result.stdout).toContain('rollback-readiness     FAIL     The bridge is burned');
  });

  it('validates the rollout scenarios', () => {
    // Those with a reference window replay their days before the rollout; the others score them.
    for (const [name, first] of [
      ['green-better', 'replay'],
      ['green-worse', 'replay'],
      ['green-slow', 'score'],
      ['blue-incompatible', 'score'],
    ]) {
      const result = rehearse(['validate', `scenarios/rollout-${name}.yaml`]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`phases preflight, ${first}, rollout, verdict`);
    }
    // The drills the scenarios carry are named in the summary.
    expect(rehearse(['validate', 'scenarios/rollout-green-worse.yaml']).stdout).toMatch(/; drill of 3 stops\n$/);
    expect(rehearse(['validate', 'scenarios/rollout-green-better.yaml']).stdout).not.toContain('drill');
  });

  it('names the field of a bad plan with its line, exit 2', () => {
    const path = writeScenario(
      'bad',
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
    const path = writeScenario(
      'blue-only',
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
    expect(runEvents(out).at(-1)).toMatchObject({ kind: 'run.finished' });
  });
});

describe('rehearse export-rollout', () => {
  it('writes the Rollout, its AnalysisTemplates, the VirtualService and the latency HPA at the top of --out', () => {
    const out = tempDir();
    const result = rehearse(['export-rollout', 'scenarios/rollout-green-better.yaml', '--out', out, '--name', 'flights', '--namespace', 'models']);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['analysis-templates.yaml', 'hpa.yaml', 'rollout.yaml', 'virtual-service.yaml']);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${out}/rollout.yaml: Rollout/flights`,
      `${out}/analysis-templates.yaml: AnalysisTemplate/flights-step-2, AnalysisTemplate/flights-step-4, AnalysisTemplate/flights-step-6, AnalysisTemplate/flights-background`,
      `${out}/virtual-service.yaml: VirtualService/flights`,
      `${out}/hpa.yaml: HorizontalPodAutoscaler/flights`,
    ]);
    const rollout = parseAllDocuments(readFileSync(join(out, 'rollout.yaml'), 'utf8'))[0]!.toJS() as { kind: string; metadata: { namespace: string } };
    expect(rollout).toMatchObject({ kind: 'Rollout', metadata: { namespace: 'models' } });
    expect(parseAllDocuments(readFileSync(join(out, 'analysis-templates.yaml'), 'utf8'))).toHaveLength(4);
  });

  it('with --json prints only the list of files and objects', () => {
    const out = tempDir();
    const result = rehearse(['export-rollout', 'scenarios/rollout-green-slow.yaml', '--out', out, '--json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { name: string; files: { file: string; objects: string[] }[] };
    expect(doc.name).toBe('rollout-green-slow');
    expect(doc.files.map((f) => f.objects[0])).toEqual([
      'Rollout/rollout-green-slow',
      'AnalysisTemplate/rollout-green-slow-step-2',
      'VirtualService/rollout-green-slow',
      'HorizontalPodAutoscaler/rollout-green-slow',
    ]);
  });

  it('refuses a scenario without a rollout, a missing --out and an invalid scenario, exit 2', () => {
    const none = rehearse(['export-rollout', 'scenarios/smoke.yaml', '--out', tempDir()]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('scenarios/smoke.yaml: rollout: missing; expected a rollout plan (steps, gates) to export');
    const noOut = rehearse(['export-rollout', 'scenarios/rollout-green-slow.yaml']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('missing --out <dir>');
    const invalid = rehearse(['export-rollout', 'test/fixtures/scenarios/typo-key.yaml', '--out', tempDir()]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('typo-key.yaml:8:5');
  });
});
