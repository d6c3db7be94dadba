/** The demo rehearsal: blue and green load from their committed folders and score the replay (one day of it here); the whole demo on its rollout's days. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-main/contract/events';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse } from '../support/cli';
import { narrowedDemo } from '../support/demoScenario';
import { tempDir } from '../support/paths';

describe('the demo scenario', () => {
  it('validates, naming both models and the March-June replay', () => {
    const result = rehearse(['validate', 'scenarios/demo.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'valid: demo: blue blue-v1, green green-v2, snapshot flights-3m.parquet (2001-03-01 to 2001-07-01); phases preflight, replay, load, rollout, verdict\n',
    );
  });

  it('scores blue and green on the same replayed rows, each through its own features', () => {
    const dir = tempDir();
    // The demo itself, narrowed to its first day so the test stays fast.
    const scenario = narrowedDemo('demo.yaml', { dir, sample: 100 });
    const out = join(dir, 'run');
    const result = rehearse(['run', scenario, '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as RunEvent);
    const loaded = events.filter((e) => e.kind === 'model.loaded');
    expect(loaded.map((e) => e.kind === 'model.loaded' && [e.role, e.inputs[0]?.dims])).toEqual([
      ['blue', ['N', 5]],
      ['green', ['N', 6]],
    ]);
    const summaries = events.filter((e) => e.kind === 'score.summary');
    expect(summaries.map((e) => e.kind === 'score.summary' && [e.model, e.n])).toEqual([
      ['blue-v1', 17_005],
      ['green-v2', 17_005],
    ]);
    for (const summary of summaries) {
      expect(summary.kind === 'score.summary' && summary.auc).toBeGreaterThan(0.6);
    }
  });

  it("runs the whole demo on the rollout's days: green loaded under both profiles, rolled out behind the router, the retreat drilled", () => {
    const dir = tempDir();
    const scenario = narrowedDemo('demo.yaml', { dir, sample: 100, to: '2001-03-06', full: true });
    const out = join(dir, 'run');
    const result = rehearse(['run', scenario, '--out', out, '--formats', 'json']);
    expect(result.stderr).not.toContain('[load] error');
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as RunEvent);
    const phases = events.filter((e) => e.kind === 'phase.finished').map((e) => e.kind === 'phase.finished' && [e.phase, e.outcome]);
    expect(phases).toEqual([
      ['preflight', 'ok'],
      ['replay', 'ok'],
      ['load', 'ok'],
      ['rollout', 'ok'],
    ]);
    expect(events.filter((e) => e.kind === 'load.result').map((e) => e.kind === 'load.result' && [e.profile, e.backend])).toEqual([
      ['staging', 'embedded'],
      ['production', 'embedded'],
    ]);
    // The load sends the replayed March flights (the production window), not the file's first rows (January: training data).
    for (const e of events) {
      if (e.kind === 'load.result') {
        expect(e.result?.payload).toMatch(/\[2001-03-01T00:00:00, 2001-03-06T00:00:00\), \d+ rows in event order/);
        expect(e.result?.sentEventTimes?.first).toMatch(/^2001-03-01T/);
      }
    }
    expect(events.some((e) => e.kind === 'rollout.finished')).toBe(true);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
    const status = (id: string) => report.checks.find((c) => c.id === id)?.status;
    // Promoted and drilled, or rolled back on a busy machine: either way a retreat was rehearsed.
    expect(status('rollback-readiness')).toBe('PASS');
    // The embedded backend caps no memory: never PASS.
    expect(['WARN', 'FAIL']).toContain(status('load-sla'));
    expect(['WARN', 'FAIL']).toContain(status('infrastructure-parity'));
  });
});
