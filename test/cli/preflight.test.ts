/**
 * Preflight's checks on the demo through the built CLI, each scenario narrowed to the
 * first replayed day and a few hundred sampled requests: the demo's feature-parity and
 * dependency-pinning resolve from real evidence; a leaking join is caught and named; a tampered
 * model is never loaded and fails the run. The UTC serving bug has its own file (utcBug.test.ts).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventOfKind, RunEvent } from '../../src-main/contract/events';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse } from '../support/cli';
import { narrowedDemo } from '../support/demoScenario';
import { ROOT, tempDir } from '../support/paths';

function runLog(out: string): { events: RunEvent[]; report: ReadinessReport } {
  const events = readFileSync(join(out, 'events.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RunEvent);
  return { events, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport };
}

function ofKind<K extends RunEvent['kind']>(events: readonly RunEvent[], kind: K): EventOfKind<K>[] {
  return events.filter((e): e is EventOfKind<K> => e.kind === kind);
}

describe('preflight on the demo', () => {
  it('resolves feature-parity and dependency-pinning from the sampled requests, the locks and three runtimes', () => {
    const dir = tempDir();
    const out = join(dir, 'run');
    const result = rehearse(['run', narrowedDemo('demo.yaml', { dir }), '--out', out, '--formats', 'json', '--json']);
    expect(result.code).toBe(1);
    const { events, report } = runLog(out);

    const parity = ofKind(events, 'feature.parity');
    expect(parity.map((p) => [p.model, p.featureSpec, p.sample.requests, p.sample.joined, p.passed])).toEqual([
      ['blue-v1', 'flights-v1', 300, 300, true],
      ['green-v2', 'flights-v2', 300, 300, true],
    ]);
    expect(parity[1]!.features.map((f) => [f.name, f.compared, f.mismatches, f.distribution.metric])).toEqual([
      ['distance', 300, 0, 'Jensen-Shannon'],
      ['dep_hour', 300, 0, 'L-infinity'],
      ['dep_weekday', 300, 0, 'L-infinity'],
      ['origin_index', 300, 0, 'L-infinity'],
      ['destination_index', 300, 0, 'L-infinity'],
      ['route_delay_rate', 300, 0, 'Jensen-Shannon'],
    ]);
    // The route delay rate recomputed from the raw flights, on the replayed day and on green's training window.
    expect(ofKind(events, 'feature.pointInTime').map((p) => [p.model, p.sample, p.checked, p.violations, p.labelDelayMs])).toEqual([
      ['green-v2', 'production', 300, 0, 86_400_000],
      ['green-v2', 'reference', 300, 0, 86_400_000],
    ]);
    // On 1 March green reads the week of 26 February: 3 to 4 days old, within the 8 days allowed.
    const [freshness] = ofKind(events, 'feature.freshness');
    expect(freshness).toMatchObject({
      model: 'green-v2',
      feature: 'route_delay_rate',
      stale: 0,
      maxAgeMs: 8 * 86_400_000,
      oldest: { asOf: '2001-02-26T00:00:00' },
    });
    expect(freshness!.ageMs!.max).toBeLessThan(4 * 86_400_000);
    expect(report.checks.find((c) => c.id === 'feature-parity')).toMatchObject({ status: 'PASS' });

    const locks = ofKind(events, 'lock.compared');
    expect(locks.map((l) => [l.model, l.backend, l.comparison?.compared, l.comparison?.failed])).toEqual([
      ['blue-v1', 'embedded', 105, false],
      ['green-v2', 'embedded', 105, false],
    ]);
    const runtimes = ofKind(events, 'runtime.parity');
    for (const r of runtimes) {
      expect(r.result!.rows).toBe(300);
      expect(r.result!.comparisons.map((c) => c.candidate)).toEqual([
        'onnxruntime-node 1.30.0 on cpu, graph optimizations all',
        '@tensorflow/tfjs 4.22.0 (cpu backend), the weights training saved',
      ]);
      // float32 kernels in two runtimes: the scores differ in the last bits, and no decision flips.
      expect(Math.max(...r.result!.comparisons.map((c) => c.maxAbsDiff))).toBeLessThan(1e-5);
      expect(r.result!.comparisons.every((c) => c.flips === 0)).toBe(true);
    }
    expect(report.checks.find((c) => c.id === 'dependency-pinning')).toMatchObject({
      status: 'PASS',
      observed: expect.stringContaining('2 of 2 models match their model.sha256'),
    });
    // tfjs prints no advice: stderr is for the run's own lines.
    expect(result.stderr).not.toContain('TensorFlow.js in Node.js');
  });

  it('catches the leaking join of demo-leak.yaml and names the feature, the model and the label delay', () => {
    const dir = tempDir();
    const out = join(dir, 'run');
    const result = rehearse(['run', narrowedDemo('demo-leak.yaml', { dir }), '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    const { events, report } = runLog(out);
    const checked = ofKind(events, 'feature.pointInTime');
    expect(checked.map((p) => [p.model, p.feature, p.sample, p.passed])).toEqual([
      ['green-v2-leak', 'route_delay_rate', 'production', false],
      ['green-v2-leak', 'route_delay_rate', 'reference', false],
    ]);
    for (const p of checked) {
      // Almost every route flew in the day before a week began: most values count a delay not yet known.
      expect(p.leaks / p.checked).toBeGreaterThan(0.5);
      expect(p.examples[0]).toMatchObject({ used: p.examples[0]!.withoutLabelDelay });
      expect(p.examples[0]!.rowsBefore).toBeGreaterThan(p.examples[0]!.rowsKnown);
    }
    // Both pipelines read the same leaky table, so they agree with each other: only the as-of rule sees it.
    expect(ofKind(events, 'feature.parity').every((p) => p.passed)).toBe(true);
    const check = report.checks.find((c) => c.id === 'feature-parity')!;
    expect(check.status).toBe('FAIL');
    expect(check.observed).toMatch(
      /green-v2-leak: route_delay_rate recomputed from flights-3m\.parquet for 300 training-window requests: \d+ do not match; \d+ of them count labels not yet known at their as-of time \(label delay 1 d\): a leak\./,
    );
    expect(check.next).toContain('Rebuild the joined table with the label delay');
  });

  it('never loads a tampered model: dependency-pinning FAIL, NOT READY, exit 1, the other model still checked', () => {
    const dir = tempDir();
    const green = join(dir, 'green-v2');
    cpSync(join(ROOT, 'scenarios/demo/models/green-v2'), green, { recursive: true });
    const bytes = readFileSync(join(green, 'model.onnx'));
    bytes[bytes.length - 16] = (bytes[bytes.length - 16]! + 1) % 256;
    writeFileSync(join(green, 'model.onnx'), bytes);
    const out = join(dir, 'run');
    const scenario = narrowedDemo('demo.yaml', { dir, sample: 100, replace: [[`path: ${ROOT}/scenarios/demo/models/green-v2`, `path: ${green}`]] });
    const result = rehearse(['run', scenario, '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    const { events, report } = runLog(out);
    expect(ofKind(events, 'model.loaded').map((e) => e.role)).toEqual(['blue']);
    expect(ofKind(events, 'runtime.parity')).toEqual([]);
    const pinning = events.filter((e) => e.kind === 'check.resolved' && e.check.id === 'dependency-pinning');
    expect(pinning).toHaveLength(1);
    expect(report.verdict).toBe('NOT READY');
    expect(report.checks.find((c) => c.id === 'dependency-pinning')).toMatchObject({
      status: 'FAIL',
      observed: expect.stringContaining('green-v2: digest mismatch: model.onnx'),
    });
    // Blue's pipelines are still compared; green is named as not checked.
    expect(ofKind(events, 'feature.parity').map((p) => p.model)).toEqual(['blue-v1']);
    expect(report.checks.find((c) => c.id === 'feature-parity')).toMatchObject({
      status: 'WARN',
      observed: expect.stringContaining('green-v2: not checked (not loaded: digest mismatch'),
    });
  });

  it('names the scenario field when it asks for a serving variant the spec does not have (exit 2)', () => {
    const dir = tempDir();
    const scenario = narrowedDemo('demo-utc-bug.yaml', { dir, replace: [['blue: departure-hour-utc', 'blue: hour-in-utc']] });
    const result = rehearse(['run', scenario, '--out', join(dir, 'run'), '--formats', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('features.servingVariant.blue: feature spec flights-v1 has no serving variant "hour-in-utc"; it has: departure-hour-utc');
  });
});
