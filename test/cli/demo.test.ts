/** The demo rehearsal: blue and green load from their committed folders and score the replay (one day of it here). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-main/contract/events';
import { rehearse } from '../support/cli';
import { narrowedDemo } from '../support/demoScenario';
import { tempDir } from '../support/paths';

describe('the demo scenario', () => {
  it('validates, naming both models and the March-June replay', () => {
    const result = rehearse(['validate', 'scenarios/demo.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('valid: demo: blue blue-v1, green green-v2, snapshot flights-3m.parquet (2001-03-01 to 2001-07-01); phases preflight, score, verdict\n');
  });

  it('scores blue and green on the same replayed rows, each through its own features', () => {
    const dir = tempDir();
    // The demo itself, narrowed to its first day so the test stays fast.
    const scenario = narrowedDemo('demo.yaml', { dir, sample: 100 });
    const out = join(dir, 'run');
    const result = rehearse(['run', scenario, '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as RunEvent);
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
});
