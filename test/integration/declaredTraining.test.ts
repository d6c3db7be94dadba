/**
 * The generic training path (features declared as SQL, no feature spec) on a slice of the
 * MovieLens example: a complete model folder that the engine verifies and loads, whose ONNX export
 * scores as its tfjs weights do on later rows, with code tables frozen as documented, the same
 * bytes for the same seed, and clear errors for bad declarations. Real DuckDB, onnxruntime, tfjs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { verifyModel } from '../../src-main/engine/node/model/modelFolder';
import { openOrtInference } from '../../src-main/engine/node/ort/ortInference';
import { predictMatrix } from '../../src-main/engine/node/ort/predictMatrix';
import { openTfjsRuntime } from '../../src-main/engine/node/runtime/tfjsRuntime';
import { readMatrix } from '../../src-main/engine/node/training/featureMatrix';
import { featureQuery, type CodeTable, type TabularFeature } from '../../src-main/engine/node/training/tabularFeatures';
import type { BuiltModel } from '../../src-main/engine/node/training/tabularModel';
import { trainDeclaredModel, type DeclaredModelPlan } from '../../src-main/engine/node/training/trainDeclaredModel';
import { GREEN_FEATURES, ratingsSnapshot } from '../../scripts/examples/movielens';
import { checkOnnxFile, onnxCheckerAvailable } from '../support/onnxChecker';
import { ROOT, tempDir } from '../support/paths';
import { requireService } from '../support/services';

const month = (year: number, m: number): number => Date.UTC(year, m - 1, 1);
const snapshot = ratingsSnapshot(ROOT);

function slicePlan(outDir: string, features: readonly TabularFeature[] = GREEN_FEATURES): DeclaredModelPlan {
  return {
    name: 'slice-v1',
    description: 'A slice of the 2000 ratings for tests.',
    task: 'P(rating >= 4)',
    producer: 'rehearsal test',
    outDir,
    snapshot,
    features,
    from: month(2000, 1),
    heldOutFrom: month(2000, 6),
    to: month(2000, 7),
    seed: 11,
    epochs: 1,
    batchSize: 256,
    learningRate: 0.01,
    hidden: [8],
    backend: 'cpu',
    log: () => {},
  };
}

function folderFiles(dir: string, sub = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
    Object.assign(files, entry.isDirectory() ? folderFiles(dir, rel) : { [rel]: readFileSync(join(dir, rel)).toString('base64') });
  }
  return files;
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('training a model from declared SQL features (tfjs pure JS, real ORT, real DuckDB)', () => {
  let built: BuiltModel;
  let dir: string;

  beforeAll(async () => {
    dir = join(tempDir(), 'a');
    built = await trainDeclaredModel(slicePlan(dir));
  });

  it('writes every part of a model folder, and the engine verifies it against model.sha256', () => {
    expect(Object.keys(folderFiles(dir)).sort()).toEqual([
      'model-card.json',
      'model.onnx',
      'model.sha256',
      'reference.json',
      'serving/first_genre-codes.json',
      'serving/movie-codes.json',
      'tfjs/weights.bin',
      'tfjs/weights.json',
      'training.lock',
    ]);
    const artifact = verifyModel(dir);
    expect(artifact).toMatchObject({ verified: true, message: 'all 8 file digests match', featureOrder: GREEN_FEATURES.map((f) => f.name) });
    const card = JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8')) as Record<string, unknown>;
    expect(card['featureSpec']).toBeUndefined();
    expect(card).toMatchObject({
      featureOrder: GREEN_FEATURES.map((f) => f.name),
      features: GREEN_FEATURES.map((f) => ({ name: f.name, kind: f.kind, sql: f.sql })),
      servingTables: { first_genre_codes: 'serving/first_genre-codes.json', movie_codes: 'serving/movie-codes.json' },
      trainingWindow: { from: '2000-01-01T00:00:00', to: '2000-07-01T00:00:00' },
      heldOut: { from: '2000-06-01T00:00:00', to: '2000-07-01T00:00:00' },
      label: { expression: 'rating >= 4', labelDelayHours: 0 },
      input: { dims: ['N', 6], categorical: ['first_genre', 'movie'] },
    });
    const reference = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8')) as { features: { name: string; profile: { kind: string } }[] };
    expect(reference.features.map((f) => [f.name, f.profile.kind])).toEqual(GREEN_FEATURES.map((f) => [f.name, f.kind]));
  });

  it('freezes each code table on the fit rows: the values seen minCount times or more, sorted, as DuckDB counts them', async () => {
    const table = JSON.parse(readFileSync(join(dir, 'serving/movie-codes.json'), 'utf8')) as CodeTable;
    const rows = await query(
      `SELECT CAST(movie_id AS VARCHAR) AS v FROM read_parquet('${snapshot.path}')
       WHERE rated_at >= TIMESTAMP '2000-01-01' AND rated_at < TIMESTAMP '2000-06-01' GROUP BY v HAVING count(*) >= 5`,
    );
    const expected = rows.map((r) => String(r['v'])).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(table.codes).toEqual(expected);
    expect(table.codes.length).toBeGreaterThan(100);
    expect(table).toMatchObject({ feature: 'movie', minCount: 5, frozenOn: { from: '2000-01-01T00:00:00', to: '2000-06-01T00:00:00' } });
  });

  it('scores later rows through ORT as its tfjs weights do (within 1e-5), unseen movies as code 0', async () => {
    const tables = Object.fromEntries(
      ['first_genre', 'movie'].map((name) => [name, JSON.parse(readFileSync(join(dir, `serving/${name}-codes.json`), 'utf8')) as CodeTable]),
    );
    const later = await readMatrix(snapshot, featureQuery(GREEN_FEATURES, tables, 'of the test'), { from: month(2000, 7), to: month(2000, 9) });
    expect(later.rows).toBeGreaterThan(1000);
    const width = GREEN_FEATURES.length;
    const { inference } = await openOrtInference(join(dir, 'model.onnx'), 'cpu');
    const ort = await predictMatrix(inference, later.x, later.rows, width);
    await inference.close();
    const tfjs = await openTfjsRuntime(dir);
    const scores = await tfjs.inference.run({ features: { type: 'float32', dims: [later.rows, width], data: later.x } });
    await tfjs.inference.close();
    let worst = 0;
    for (let i = 0; i < later.rows; i++) {
      worst = Math.max(worst, Math.abs(ort[i]! - scores[i]!));
    }
    expect(worst).toBeLessThan(1e-5);
    const movieCodes = Array.from(later.x.filter((_, i) => i % width === 5));
    expect(movieCodes.some((code) => code === 0)).toBe(true);
    expect(movieCodes.some((code) => code > 0)).toBe(true);
    expect(Math.max(...movieCodes)).toBeLessThanOrEqual(tables['movie']!.codes.length);
    expect(built.layout.categorical.map((c) => [c.name, c.cardinality])).toEqual([
      ['first_genre', tables['first_genre']!.codes.length + 1],
      ['movie', tables['movie']!.codes.length + 1],
    ]);
  });

  it('passes onnx.checker (Debian python3-onnx: IR 8, opset 17)', (context) => {
    requireService(context, onnxCheckerAvailable(), '/usr/bin/python3 cannot import onnx (apt-get install python3-onnx)');
    expect(checkOnnxFile(join(dir, 'model.onnx'))).toEqual({ ok: true, message: 'ok 8 17' });
  });

  it('gives the same bytes when trained again with the same seed', async () => {
    const again = join(tempDir(), 'b');
    await trainDeclaredModel(slicePlan(again));
    expect(folderFiles(again)).toEqual(folderFiles(dir));
  });

  it('refuses bad declarations with the feature and what was expected, writing nothing', async () => {
    const out = join(tempDir(), 'bad');
    const numeric = (name: string, sql: string): TabularFeature => ({ name, kind: 'numeric', sql });
    await expect(trainDeclaredModel(slicePlan(out, [numeric('age', '1'), numeric('age', '2')]))).rejects.toThrow('features[1].name: "age" is declared twice');
    await expect(trainDeclaredModel(slicePlan(out, [numeric('movie age', '1')]))).rejects.toThrow('features[0].name: expected letters, digits and _');
    await expect(trainDeclaredModel(slicePlan(out, []))).rejects.toThrow('features: expected at least one feature');
    await expect(trainDeclaredModel(slicePlan(out, [numeric('bad', 'no_such_column + 1')]))).rejects.toThrow(
      /the query over the snapshot failed: .*no_such_column/,
    );
    await expect(trainDeclaredModel(slicePlan(out, [numeric('not_drama', "CASE WHEN genres LIKE '%Drama%' THEN NULL ELSE 1 END")]))).rejects.toThrow(
      /feature not_drama of model slice-v1 is null at 2000-/,
    );
    await expect(trainDeclaredModel({ ...slicePlan(out), snapshot: { ...snapshot, label: undefined } })).rejects.toThrow('the snapshot section needs a label');
    await expect(trainDeclaredModel({ ...slicePlan(out), snapshot: { ...snapshot, label: 'rating' } })).rejects.toThrow(
      /the label \(rating\) is \d(\.5)? at 2000-.*; expected 0 or 1/,
    );
    await expect(trainDeclaredModel({ ...slicePlan(out), heldOutFrom: month(2000, 8) })).rejects.toThrow('expected from < heldOutFrom < to');
    expect(existsSync(out)).toBe(false);
  });
});
