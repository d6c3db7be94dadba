/**
 * The second example through the built CLI: models trained by the generic trainer on MovieLens
 * ratings, each with its pipelines declared in its model card (training: the card's SQL features;
 * serving: the team's module in a worker thread), replayed on 2006-2016 from the raw ratings.
 * Real DuckDB, onnxruntime, tfjs and worker threads; no feature code in the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse, runEvents } from '../support/cli';
import { tempDir } from '../support/paths';

const SCENARIO = 'scenarios/examples/movielens/movielens.yaml';
const SERVING_CHANGE = 'scenarios/examples/movielens/movielens-age-years.yaml';

function runScenario(scenario: string): { code: number | null; stderr: string; out: string; report: ReadinessReport } {
  const out = tempDir();
  const result = rehearse(['run', scenario, '--out', out, '--formats', 'json']);
  return { code: result.code, stderr: result.stderr, out, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport };
}

describe('the MovieLens example (declared pipelines)', () => {
  it('validates', () => {
    const result = rehearse(['validate', SCENARIO]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid: movielens: blue blue-v1, green green-v2, snapshot ratings.parquet');
  });

  it('runs to a complete report: both models scored through their pipelines on every 2006-2016 rating, training and serving agreeing on 2000 sampled ratings', () => {
    const { code, stderr, out, report } = runScenario(SCENARIO);
    expect(stderr).not.toMatch(/error/i);
    expect(report.complete).toBe(true);
    expect(code).toBe(report.verdict === 'READY' ? 0 : 1);
    const events = runEvents(out);
    const summaries = events.flatMap((e) => (e.kind === 'score.summary' ? [e] : []));
    expect(summaries.map((s) => [s.role, s.model, s.n])).toEqual([
      ['blue', 'blue-v1', 43_996],
      ['green', 'green-v2', 43_996],
    ]);
    const [blue, green] = summaries.map((s) => s.auc ?? 0);
    // Both rank ratings better than chance out of sample; the movie's own embedding makes green better.
    expect(blue).toBeGreaterThan(0.55);
    expect(green).toBeGreaterThan(blue! + 0.03);
    const parity = events.flatMap((e) => (e.kind === 'feature.parity' ? [e] : []));
    expect(parity.map((p) => [p.model, p.servingVariant, p.sample.requests, p.sample.joined, p.servingErrors, p.features.length])).toEqual([
      ['blue-v1', null, 2000, 2000, 0, 5],
      ['green-v2', null, 2000, 2000, 0, 6],
    ]);
    expect(parity.flatMap((p) => p.features.map((f) => f.mismatches))).toEqual(new Array(11).fill(0));
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect(status).toMatchObject({ 'feature-parity': 'PASS', 'dependency-pinning': 'PASS' });
    expect(status['distribution-shift']).not.toBe('NOT RUN');
  });

  it('fails feature parity on movie_age alone when the deployments run the serving change, and replays through that code', () => {
    const { code, report, out } = runScenario(SERVING_CHANGE);
    expect(code).toBe(1);
    const check = report.checks.find((c) => c.id === 'feature-parity')!;
    expect(check.status).toBe('FAIL');
    expect(check.observed).toContain('movie_age differs on');
    const parity = runEvents(out).flatMap((e) => (e.kind === 'feature.parity' ? [e] : []));
    for (const p of parity) {
      expect(p.servingVariant).toBe('age-completed-years');
      const failing = p.features.filter((f) => !f.passed).map((f) => f.name);
      expect(failing).toEqual(['movie_age']);
      const age = p.features.find((f) => f.name === 'movie_age')!;
      // A rating in the first half of a year is a year younger in completed years: about half of them.
      expect(age.mismatchRate).toBeGreaterThan(0.3);
      expect(age.maxAbsDelta).toBe(1);
    }
  });
});
