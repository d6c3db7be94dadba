/**
 * History, comparison and what-if through the built CLI on real runs of the smoke scenario (real
 * ORT, real DuckDB, real model servers): two runs of the same scenario both listed, a damaged log
 * listed with its reason, two runs compared by name, and a what-if that reruns only the load.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunComparison, RunSummary } from '../../src-main/contract/history';
import { rehearse, runEvents } from '../support/cli';
import { tempDir } from '../support/paths';

// The smoke scenario reads its reference from node_modules, which may be a link to another folder.
const WORKSPACE = ['--workspace', 'node_modules'];

describe('rehearse history, compare and what-if', () => {
  let runs: string;
  beforeAll(() => {
    runs = tempDir();
    for (const name of ['first', 'second']) {
      const result = rehearse(['run', 'scenarios/smoke.yaml', '--out', join(runs, name), '--formats', 'json', ...WORKSPACE]);
      expect(result.code, result.stderr).toBe(1);
    }
    // A run folder whose log is not a log: listed as damaged, never a crash.
    mkdirSync(join(runs, 'broken'));
    writeFileSync(join(runs, 'broken', 'events.jsonl'), '{"seq":1,"eventTime":null}\n{"not json\n');
  }, 240_000);
  // The damaged log is bad on purpose: gone before the produced-logs check reads every events.jsonl.
  afterAll(() => rmSync(join(runs, 'broken'), { recursive: true, force: true }));

  it('lists both runs of the smoke scenario, newest first, and the damaged one with the reader’s reason', () => {
    const result = rehearse(['history', '--runs', runs, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const history = JSON.parse(result.stdout) as RunSummary[];
    const good = history.filter((r) => r.damaged === null);
    expect(good.map((r) => [r.scenario, r.verdict, r.complete])).toEqual([
      ['smoke', 'NOT READY', true],
      ['smoke', 'NOT READY', true],
    ]);
    expect(good.map((r) => r.folder)).toEqual([join(runs, 'second'), join(runs, 'first')]);
    expect(good.every((r) => (r.durationMs ?? 0) > 0)).toBe(true);
    const damaged = history.find((r) => r.damaged !== null);
    expect(damaged?.folder).toBe(join(runs, 'broken'));
    expect(damaged?.damaged).toMatch(/events\.jsonl:1/);
    const text = rehearse(['history', '--runs', runs]);
    expect(text.stdout).toMatch(/smoke\s+NOT READY/);
    expect(text.stdout).toMatch(/DAMAGED.*broken/);
  });

  it('refuses a runs folder that does not exist (exit 2, naming it)', () => {
    const result = rehearse(['history', '--runs', join(runs, 'nowhere')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(runs, 'nowhere'));
  });

  it('compares two runs named by folder and by id: both named, every check with its before and after, the load lane of both', () => {
    const first = runEvents(join(runs, 'first'))[0]!;
    const result = rehearse(['compare', first.kind === 'run.started' ? first.runId : '', join(runs, 'second'), '--runs', runs, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const comparison = JSON.parse(result.stdout) as RunComparison;
    expect(comparison.before.folder).toBe(join(runs, 'first'));
    expect(comparison.after.folder).toBe(join(runs, 'second'));
    expect(comparison.checks).toHaveLength(7);
    // The same scenario on the same data: only the load's measured checks can move.
    expect(comparison.checks.filter((c) => c.changed).every((c) => ['load-sla', 'infrastructure-parity'].includes(c.id))).toBe(true);
    expect(comparison.figures.every((f) => ['load-sla', 'infrastructure-parity'].includes(f.check))).toBe(true);
    const load = comparison.lanes.find((l) => l.lane === 'load')!;
    expect(load.series.map((s) => `${s.run} ${s.name}`)).toEqual(['before staging', 'before production', 'after staging', 'after production']);
    const drift = comparison.lanes.find((l) => l.lane === 'drift')!;
    expect(drift.series.map((s) => s.run)).toEqual(['before', 'after']);
    expect(drift.series[0]!.points).toEqual(drift.series[1]!.points);
    expect(comparison.lanes.find((l) => l.lane === 'traffic')!.notMeasured).toMatch(/rollout/);
    const text = rehearse(['compare', join(runs, 'first'), join(runs, 'second', 'events.jsonl')]);
    expect(text.stdout).toContain(`before: smoke ${comparison.before.runId}`);
    expect(text.stdout).toContain(`after:  smoke ${comparison.after.runId}`);
  });

  it('names a run it cannot find, and a damaged one, with exit 2', () => {
    expect(rehearse(['compare', 'no-such-run', join(runs, 'first'), '--runs', runs])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no-such-run'),
    });
    expect(rehearse(['compare', join(runs, 'broken'), join(runs, 'first')])).toMatchObject({ code: 2, stderr: expect.stringContaining('events.jsonl:1') });
  });

  it('what-if maxBatch=1 on production reruns only the load, carries the other checks, and compares with the original', () => {
    const copy = tempDir();
    cpSync(join(runs, 'first'), join(copy, 'first'), { recursive: true });
    const result = rehearse(['what-if', join(copy, 'first'), '--profile', 'production', '--set', 'maxBatch=1', '--runs', copy, '--json', ...WORKSPACE]);
    expect([0, 1], result.stderr).toContain(result.code);
    expect(result.stderr).toContain('rerun load: the knob changes the model server the load runs against');
    const done = JSON.parse(result.stdout) as { run: string; rerun: string[]; carried: string[]; comparison: RunComparison };
    expect(done.rerun).toEqual(['load']);
    expect(done.carried).toEqual(['distribution-shift', 'feature-parity', 'dependency-pinning', 'monitoring-coverage', 'rollback-readiness']);
    const events = runEvents(done.run);
    const started = events[0]!;
    expect(started.kind === 'run.started' && started.whatIf).toMatchObject({ profile: 'production', changes: { maxBatch: '1' }, rerun: ['load'] });
    expect(events.filter((e) => e.kind === 'phase.started').map((e) => e.kind === 'phase.started' && e.phase)).toEqual(['load']);
    // The knob itself shows among the figures that moved: production's max batch, 8 before, 1 after.
    expect(done.comparison.figures).toContainEqual({ check: 'infrastructure-parity', label: 'production max batch', before: 8, after: 1 });
    const carried = done.comparison.checks.filter((c) => done.carried.includes(c.id));
    expect(carried.every((c) => !c.changed)).toBe(true);
    const history = JSON.parse(rehearse(['history', '--runs', copy, '--json']).stdout) as RunSummary[];
    expect(history[0]!.whatIf?.from).toBe(done.comparison.before.runId);
  }, 120_000);

  it('refuses an unknown knob and a bad value, naming --set (exit 2)', () => {
    const bad = rehearse(['what-if', join(runs, 'first'), '--profile', 'production', '--set', 'replicas=3', ...WORKSPACE]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--set: expected one of memory=\.\.\., cpus=\.\.\., maxBatch=\.\.\., queueDelay=\.\.\./);
    const value = rehearse(['what-if', join(runs, 'first'), '--profile', 'production', '--set', 'memory=lots', ...WORKSPACE]);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--set memory: expected a memory size such as 512Mi or 2Gi, got "lots"');
  });
});
