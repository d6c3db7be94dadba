/**
 * `rehearse score` through the engine's own path: the demo model by its card, a user's model in
 * another input layout (one tensor per feature) on CSV and JSON lines, and every input mismatch
 * named with what was expected and what was found.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rehearse } from '../support/cli';
import { int32InputModel, labelAndProbabilitiesModel, matrixModel, perFeatureModel, writeModelFolder } from '../support/models';
import { FLIGHTS_3M, tempDir } from '../support/paths';

let dir: string;
let csv: string;
let jsonl: string;

beforeAll(() => {
  dir = tempDir();
  // 240 rows, an hour apart; late flights are long and in the evening, so a sensible model ranks them.
  const rows = Array.from({ length: 240 }, (_, i) => {
    const hour = i % 24;
    const distance = 200 + ((i * 37) % 2000);
    const late = hour >= 17 && distance > 900 ? 1 : i % 11 === 0 ? 1 : 0;
    const ts = new Date(Date.UTC(2001, 2, 1, 0) + i * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    return { ts, distance, hour, late };
  });
  csv = join(dir, 'flights.csv');
  writeFileSync(csv, `ts,distance,hour,late\n${rows.map((r) => `${r.ts},${r.distance},${r.hour},${r.late}`).join('\n')}\n`);
  jsonl = join(dir, 'flights.jsonl');
  writeFileSync(jsonl, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeModelFolder(join(dir, 'per-feature'), perFeatureModel(['distance', 'hour'], [0.001, 0.1], -2.5));
  writeModelFolder(join(dir, 'matrix'), matrixModel([0.001, 0.1], -2.5));
  writeModelFolder(join(dir, 'wide'), matrixModel([0.001, 0.1, 1], -2.5));
  writeModelFolder(join(dir, 'int32'), int32InputModel(2));
  writeModelFolder(join(dir, 'labelled'), labelAndProbabilitiesModel(['distance', 'hour'], [0.001, 0.1], -2.5));
});

function scoreJson(args: string[]): Record<string, unknown> {
  const result = rehearse(['score', ...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('rehearse score', () => {
  it('scores a demo model by its card on a two-day window of the flights', () => {
    const doc = scoreJson([
      '--model',
      'scenarios/demo/models/blue-v1',
      '--snapshot',
      FLIGHTS_3M,
      '--label',
      'delay > 15',
      '--timestamp',
      'date',
      '--from',
      '2001-03-01',
      '--to',
      '2001-03-03',
    ]);
    expect(doc).toMatchObject({ verified: true, executionProvider: 'cpu', from: '2001-03-01T00:00:00', n: 34074, labelled: 34074, rejected: 0 });
    expect(doc['auc']).toBeGreaterThan(0.6);
    expect(Object.keys(doc['quantiles'] as object)).toEqual(['p1', 'p10', 'p25', 'p50', 'p75', 'p90', 'p99']);
  });

  it('scores a model with one tensor per feature, inputs matched to columns by name, from CSV and JSON lines alike', () => {
    const fromCsv = scoreJson(['--model', join(dir, 'per-feature'), '--snapshot', csv, '--label', 'late', '--timestamp', 'ts']);
    const fromJsonl = scoreJson(['--model', join(dir, 'per-feature'), '--snapshot', jsonl, '--label', 'late = 1', '--timestamp', 'ts']);
    expect(fromCsv).toMatchObject({ n: 240, labelled: 240 });
    expect(fromCsv['auc']).toBeGreaterThan(0.7);
    for (const key of ['n', 'auc', 'logLoss', 'positiveRate', 'meanPrediction', 'quantiles']) {
      expect(fromJsonl[key]).toEqual(fromCsv[key]);
    }
  });

  it('reads P(positive) from a model that outputs a label plus probabilities', () => {
    const labelled = scoreJson(['--model', join(dir, 'labelled'), '--snapshot', csv, '--label', 'late']);
    const perFeature = scoreJson(['--model', join(dir, 'per-feature'), '--snapshot', csv, '--label', 'late']);
    expect(labelled['auc']).toBe(perFeature['auc']);
    expect(labelled['meanPrediction']).toBe(perFeature['meanPrediction']);
  });

  it('gives a matrix model the same numbers when --features names its column order', () => {
    const matrix = scoreJson(['--model', join(dir, 'matrix'), '--snapshot', csv, '--label', 'late', '--features', 'distance,hour']);
    const perFeature = scoreJson(['--model', join(dir, 'per-feature'), '--snapshot', csv, '--label', 'late']);
    expect(matrix['auc']).toBeCloseTo(perFeature['auc'] as number, 6);
    expect(matrix['meanPrediction']).toBeCloseTo(perFeature['meanPrediction'] as number, 6);
  });

  it.each([
    [
      'a missing feature',
      ['--model', 'matrix', '--features', 'distance,altitude'],
      'missing feature "altitude": expected in the snapshot, found columns: ts, distance, hour, late',
    ],
    [
      'a wrong width',
      ['--model', 'wide', '--features', 'distance,hour'],
      'input "features": expected 3 features (width of [N, 3]), found 2 columns: distance, hour',
    ],
    ['a wrong dtype', ['--model', 'int32', '--features', 'distance,hour'], 'input "x": expected a float, double or int64 tensor, found int32'],
    [
      'an input no column feeds',
      ['--model', 'per-feature', '--snapshot-as', 'renamed'],
      'missing feature "hour": expected in the snapshot, found columns: ts, distance, hour_of_day, late',
    ],
    [
      'a column list for a model of several inputs',
      ['--model', 'per-feature', '--features', 'distance,hour'],
      'the model has 2 inputs (distance, hour); a column list feeds a single matrix input',
    ],
    ['a matrix model without a column order', ['--model', 'matrix'], 'input "features": expected one value per row ([batch] or [batch, 1]), found [N, 2]'],
  ])('exits 2 before scoring on %s, listing expected and found', (_what, args, message) => {
    const model = join(dir, args[1]!);
    let snapshot = csv;
    const rest = args.slice(2);
    if (rest[0] === '--snapshot-as') {
      snapshot = join(dir, 'renamed.csv');
      writeFileSync(snapshot, 'ts,distance,hour_of_day,late\n2001-03-01 00:00:00,300,5,0\n');
      rest.splice(0, 2);
    }
    const result = rehearse(['score', '--model', model, '--snapshot', snapshot, '--label', 'late', ...rest]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`--model ${model}: the model's inputs do not match the snapshot: `);
    expect(result.stderr).toContain(message);
  });

  it('refuses a model without a digest (exit 1) unless --allow-unverified', () => {
    const bare = join(dir, 'bare.onnx');
    writeFileSync(bare, perFeatureModel(['distance', 'hour'], [0.001, 0.1], -2.5));
    const refused = rehearse(['score', '--model', bare, '--snapshot', csv, '--label', 'late']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`refused ${bare}: no digest`);
    expect(scoreJson(['--model', bare, '--snapshot', csv, '--label', 'late', '--allow-unverified'])).toMatchObject({ verified: false, n: 240 });
  });

  it('names rejected rows by line, and scores past them within --max-reject-rate', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'ts,distance,hour,late\n2001-03-01 00:00:00,300,5,0\n2001-03-01 01:00:00,900\n2001-03-01 02:00:00,1200,19,1\nlater,100,3,0\n');
    const stopped = rehearse(['score', '--model', join(dir, 'per-feature'), '--snapshot', bad, '--label', 'late', '--timestamp', 'ts']);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain(
      `2 of 4 rows could not be read (50.00%), above the tolerated --max-reject-rate of 0; first: ${bad}:3: Expected Number of Columns: 4 Found: 2`,
    );
    const tolerated = rehearse([
      'score',
      '--model',
      join(dir, 'per-feature'),
      '--snapshot',
      bad,
      '--label',
      'late',
      '--timestamp',
      'ts',
      '--max-reject-rate',
      '0.5',
      '--json',
    ]);
    expect(tolerated.code).toBe(0);
    expect(JSON.parse(tolerated.stdout)).toMatchObject({ n: 2, rejected: 2 });
    expect(tolerated.stderr).toContain('2 rows could not be read');
  });

  it.each([
    [['--snapshot', 'x.csv', '--label', 'late'], 'missing --model'],
    [['--model', 'm', '--snapshot', 'x.csv', '--label', 'late', '--from', '2001-03-01'], '--from and --to need --timestamp <column>'],
    [['--model', 'm', '--snapshot', 'x.csv', '--label', 'late', '--timestamp', 'ts', '--from', 'March'], '--from: expected an event time such as 2001-03-01'],
  ])('exits 2 on bad flags: %j', (args, message) => {
    const result = rehearse(['score', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('rehearse score with a model card', () => {
  it('names the raw fields its feature spec reads that the snapshot lacks', () => {
    const dir = tempDir();
    const snapshot = join(dir, 'no-origin.csv');
    writeFileSync(snapshot, 'date,distance,destination,delay\n2001-03-01 06:00:00,300,LAX,3\n');
    const result = rehearse(['score', '--model', 'scenarios/demo/models/blue-v1', '--snapshot', snapshot, '--label', 'delay > 15', '--timestamp', 'date']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--model scenarios/demo/models/blue-v1: feature spec flights-v1 reads "origin": expected in the snapshot, found columns: date, distance, destination, delay',
    );
  });
});
