/**
 * The second example's plain-columns scenario through the built CLI: models trained by the
 * generic trainer on MovieLens ratings, each replayed on 2006-2016 from the training-features file
 * against its own training window. Real DuckDB, onnxruntime and tfjs; no feature spec.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse, runEvents } from '../support/cli';
import { tempDir } from '../support/paths';

const SCENARIO = 'scenarios/examples/movielens/plain-columns.yaml';

describe('the MovieLens example (plain columns)', () => {
  it('validates', () => {
    const result = rehearse(['validate', SCENARIO]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid: movielens-plain-columns: blue blue-v1, green green-v2, snapshot features.parquet');
  });

  it('runs to a complete report: both models verified and scored on every 2006-2016 rating, green ranking better than blue, parity NOT RUN for want of a spec', () => {
    const out = tempDir();
    const result = rehearse(['run', SCENARIO, '--out', out, '--formats', 'json']);
    expect(result.stderr).not.toMatch(/error/i);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
    expect(report.complete).toBe(true);
    expect(result.code).toBe(report.verdict === 'READY' ? 0 : 1);
    const summaries = runEvents(out).flatMap((e) => (e.kind === 'score.summary' ? [e] : []));
    expect(summaries.map((s) => [s.role, s.model, s.n])).toEqual([
      ['blue', 'blue-v1', 43_996],
      ['green', 'green-v2', 43_996],
    ]);
    const [blue, green] = summaries.map((s) => s.auc ?? 0);
    // Both rank ratings better than chance out of sample; the movie's own embedding makes green better.
    expect(blue).toBeGreaterThan(0.55);
    expect(green).toBeGreaterThan(blue! + 0.03);
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect(status).toMatchObject({ 'feature-parity': 'NOT RUN', 'dependency-pinning': 'PASS' });
    expect(status['distribution-shift']).not.toBe('NOT RUN');
  });
});
