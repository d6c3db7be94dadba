/**
 * `rehearse init` through the built CLI, on real models (onnxruntime) and real snapshots (DuckDB):
 * the MovieLens example's two models and the smoke model each drafted, validated and run to a
 * verdict; bad input named with exit 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse } from '../support/cli';
import { perFeatureModel, writeModelFolder } from '../support/models';
import { tempDir } from '../support/paths';

const MOVIELENS = 'scenarios/examples/movielens';
const BLUE_FEATURES = 'blue_movie_age,blue_genre_count,blue_drama,blue_comedy,blue_first_genre';

interface InitDocument {
  readonly scenario: string;
  readonly snapshot: { readonly rows: number; readonly grain: string; readonly timestamp: string };
  readonly choices: readonly { readonly field: string; readonly value: string; readonly reason: string }[];
}

/** init, then validate, then run; returns the init document, the scenario text and the report. */
function initValidateRun(initArgs: readonly string[], dir = tempDir()): { document: InitDocument; text: string; report: ReadinessReport } {
  const scenario = join(dir, 'scenario.yaml');
  const init = rehearse(['init', ...initArgs, '--out', scenario, '--json']);
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
  const document = JSON.parse(init.stdout) as InitDocument;
  const validated = rehearse(['validate', scenario]);
  expect(validated.stderr).toBe('');
  expect(validated.code).toBe(0);
  const out = join(dir, 'run');
  const run = rehearse(['run', scenario, '--out', out, '--formats', 'json']);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
  expect(report.complete).toBe(true);
  expect(run.code).toBe(report.verdict === 'READY' ? 0 : 1);
  return { document, text: readFileSync(scenario, 'utf8'), report };
}

function choice(document: InitDocument, field: string): string | undefined {
  return document.choices.find((c) => c.field === field)?.value;
}

describe('rehearse init', () => {
  it('drafts the MovieLens rehearsal from two models and the raw ratings: their declared pipelines compute the inputs, each training window, monthly windows against the same months, a verdict', () => {
    const { document, text, report } = initValidateRun([
      '--model',
      `${MOVIELENS}/models/blue-v1`,
      '--green',
      `${MOVIELENS}/models/green-v2`,
      '--snapshot',
      `${MOVIELENS}/data/ratings.parquet`,
      '--label',
      'rating >= 4',
    ]);
    expect(document.snapshot).toEqual({ rows: 100_004, grain: 'second', timestamp: 'rated_at' });
    expect(choice(document, 'snapshots.reference.blue')).toBe('1996-01-01T00:00:00 to 2001-01-01T00:00:00');
    expect(choice(document, 'snapshots.production.from')).toBe('2006-01-01T00:00:00');
    expect(choice(document, 'alerts.drift.window')).toBe('30d');
    expect(choice(document, 'alerts.drift.season')).toBe('month-of-year');
    expect(text).toMatch(/# season: windows of a quarter or less, and the reference spans 5\.0 years/);
    expect(text).toContain('its card declares its pipelines, which compute the inputs from the raw row');
    expect(report.checks.find((c) => c.id === 'feature-parity')?.status).toBe('PASS');
    const shift = report.checks.find((c) => c.id === 'distribution-shift');
    expect(shift?.status).not.toBe('NOT RUN');
    expect(shift?.observed).toMatch(/alerts fired in [0-9.]+% of [0-9]+ windows without a shift/);
  });

  it('drafts the smoke rehearsal from a model with a feature spec: its spec computes the inputs, hourly windows', () => {
    const { document, report } = initValidateRun([
      '--model',
      'scenarios/smoke/model',
      '--snapshot',
      'scenarios/smoke/flights-2001-03-01.parquet',
      '--label',
      'delay > 15',
    ]);
    expect(choice(document, 'models.blue.inputs')).toBe('(from the model)');
    expect(choice(document, 'alerts.drift.window')).toBe('1h');
    expect(report.checks.find((c) => c.id === 'feature-parity')?.status).toBe('PASS');
  });

  it('drafts a rehearsal of a model with an input per feature on daily CSV rows over three years: 30 rows a window, the same months', () => {
    const dir = tempDir();
    const model = writeModelFolder(join(dir, 'model'), perFeatureModel(['x1', 'x2'], [0.8, -0.5], 0.1));
    // Two rows a day, 2010-2012: a yearly rhythm in x1, a label that follows it.
    const lines = ['day,x1,x2,y'];
    for (let d = 0; d < 3 * 365; d++) {
      const day = new Date(Date.UTC(2010, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      for (const k of [0, 1]) {
        const x1 = Math.sin((2 * Math.PI * d) / 365) + 0.3 * Math.sin(d * 7 + k);
        lines.push(`${day},${x1.toFixed(4)},${((d * 13 + k * 5) % 17) / 17},${x1 + 0.4 * Math.sin(d * 3 + k) > 0 ? 1 : 0}`);
      }
    }
    const csv = join(dir, 'daily.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const { document, report } = initValidateRun(['--model', model, '--snapshot', csv, '--label', 'y = 1'], dir);
    expect(document.snapshot).toEqual({ rows: 2190, grain: 'day', timestamp: 'day' });
    expect(choice(document, 'models.blue.inputs')).toBe('(from the model)');
    expect(choice(document, 'snapshots.reference.blue')).toBe('2010-01-01T00:00:00 to 2011-01-01T00:00:00');
    expect(choice(document, 'alerts.drift.window')).toBe('30d');
    expect(choice(document, 'alerts.drift.minRows')).toBe('30');
    expect(choice(document, 'alerts.drift.season')).toBe('month-of-year');
    const shift = report.checks.find((c) => c.id === 'distribution-shift');
    expect(shift?.observed).toMatch(/alerts fired in [0-9.]+% of 2[0-9] windows without a shift/);
  });

  it('exits 2 naming what is wrong: a matrix without --features, a column missing, a label DuckDB cannot bind, no timestamp', () => {
    const dir = tempDir();
    const base = ['init', '--model', `${MOVIELENS}/models/blue-v1`, '--snapshot', `${MOVIELENS}/data/features.parquet`, '--out', join(dir, 'x.yaml')];
    // Declared pipelines read the raw rating; a snapshot of computed features lacks its fields.
    const raw = rehearse(base);
    expect(raw.code).toBe(2);
    expect(raw.stderr).toContain('--model blue-v1: its declared pipelines read release_year, genres, not columns of');
    // A bare .onnx brings no card: its matrix input's columns are unknown without --features.
    const unnamed = rehearse(['init', '--model', `${MOVIELENS}/models/blue-v1/model.onnx`, ...base.slice(3)]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toMatch(/is a matrix \[N, 5\] whose columns the model does not name/);
    const missing = rehearse([...base, '--features', 'blue_movie_age,blue_genre_count,blue_drama,blue_comedy,no_such_column']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--features: missing feature "no_such_column"');
    const label = rehearse([...base, '--features', BLUE_FEATURES, '--label', 'rating >=']);
    expect(label.code).toBe(2);
    expect(label.stderr).toContain('--label: "rating >=" is not a SQL expression over the columns of');
    const late = rehearse([...base, '--features', BLUE_FEATURES, '--reference', '2020-01-01..2021-01-01']);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('--reference: no row of');
    const malformed = rehearse([...base, '--features', BLUE_FEATURES, '--reference', '2001-01-01']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--reference: expected FROM..TO');
    const csv = join(dir, 'untimed.csv');
    writeFileSync(csv, 'blue_movie_age,blue_genre_count,blue_drama,blue_comedy,blue_first_genre,rating\n1,2,0,1,3,4\n');
    const untimed = rehearse(['init', '--model', `${MOVIELENS}/models/blue-v1`, '--snapshot', csv, '--features', BLUE_FEATURES, '--out', join(dir, 'y.yaml')]);
    expect(untimed.code).toBe(2);
    expect(untimed.stderr).toContain('--timestamp: no timestamp column in');
  });
});
