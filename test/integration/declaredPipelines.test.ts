/**
 * Pipelines declared in a model card, each form with its real part: a training-features file
 * (Parquet written by DuckDB) joined to the raw ratings by id; a feature service on a real
 * node:http server; the team's module in a real worker thread. The MovieLens blue model is copied
 * into a temporary folder and its card's `pipeline` rewritten; the built CLI runs the rehearsal.
 */
import { createServer, type Server } from 'node:http';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../src-main/contract/report';
import { formatDigestFile, parseDigestFile } from '../../src-main/engine/common/model/digestFile';
import { sha256File } from '../../src-main/engine/node/model/modelFolder';
import { httpServing } from '../../src-main/engine/node/pipelines/httpServing';
import { moduleServing } from '../../src-main/engine/node/pipelines/workerServing';
import { runEvents, startRehearse } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

const EXAMPLE = join(ROOT, 'scenarios/examples/movielens');
const FEATURES = ['movie_age', 'genre_count', 'drama', 'comedy', 'first_genre'];

/** Copies blue-v1 with `extra` files, replaces its card's pipeline, and writes model.sha256 anew over the folder's files and the extras. */
function blueWith(pipeline: unknown, extra: Record<string, string> = {}): string {
  const folder = join(tempDir(), 'blue-v1');
  cpSync(join(EXAMPLE, 'models/blue-v1'), folder, { recursive: true });
  for (const [name, from] of Object.entries(extra)) {
    cpSync(from, join(folder, name));
  }
  const cardPath = join(folder, 'model-card.json');
  const card = JSON.parse(readFileSync(cardPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(cardPath, JSON.stringify({ ...card, pipeline }, null, 2));
  const files = [...parseDigestFile(readFileSync(join(folder, 'model.sha256'), 'utf8')).lines.map((l) => l.file), ...Object.keys(extra)];
  writeFileSync(join(folder, 'model.sha256'), formatDigestFile(files.sort().map((file) => ({ file, sha256: sha256File(join(folder, file)) }))));
  return folder;
}

/** A rehearsal of blue alone on 2015-2016 (about 5,000 ratings), feature parity on 500 of them. */
function scenarioFor(folder: string): string {
  // Beside the model folder: a scenario reads only inside its own folder and the current one.
  const path = join(dirname(folder), 'scenario.yaml');
  const ratings = join(EXAMPLE, 'data/ratings.parquet');
  writeFileSync(
    path,
    `name: declared-pipeline
models:
  blue: { path: ${JSON.stringify(folder)}, name: blue-v1 }
snapshots:
  production: { path: ${JSON.stringify(ratings)}, timestamp: rated_at, label: rating >= 4, labelDelay: 0s, from: 2015-01-01 }
  reference:
    blue: { path: ${JSON.stringify(ratings)}, timestamp: rated_at, label: rating >= 4, from: 1996-01-01, to: 2001-01-01 }
features:
  parity: { sample: 500, seed: 7 }
alerts:
  drift: { window: 91d, season: none }
`,
  );
  return path;
}

/** Runs the built CLI without blocking this process (the feature service answers from it). */
async function run(scenario: string): Promise<{ code: number | null; stderr: string; out: string }> {
  const out = tempDir();
  const child = startRehearse(['run', scenario, '--out', out, '--formats', 'json']);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stderr, out };
}

function parityOf(out: string) {
  return runEvents(out).flatMap((e) => (e.kind === 'feature.parity' ? [e] : []));
}

describe('declared pipelines through the built CLI', () => {
  let server: Server;
  let url = '';
  let answered = 0;

  beforeAll(async () => {
    // The team's feature service: the example's serving code behind node:http, one record a request.
    const module = (await import(pathToFileURL(join(EXAMPLE, 'models/blue-v1/serving/features.mjs')).href)) as {
      features: (record: unknown, tables: unknown) => Record<string, number>;
    };
    const tables = { first_genre_codes: JSON.parse(readFileSync(join(EXAMPLE, 'models/blue-v1/serving/first_genre-codes.json'), 'utf8')) as unknown };
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        answered++;
        try {
          const record = JSON.parse(body) as Record<string, unknown>;
          const values = module.features(record, tables);
          // A rounding the training side does not make: what a service in another language might do.
          const rounded = request.url === '/features-halved' ? { ...values, movie_age: Math.round(values['movie_age']! / 2) * 2 } : values;
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rounded));
        } catch (error) {
          response
            .writeHead(400, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: (error as Error).message, field: (error as { field?: string }).field }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('compares a training-features file joined by id with a feature service: all agree, and a service that rounds is caught', async () => {
    // What a team keeps from training: each rating's id and its features, here as the example's training SQL computed them.
    const file = join(tempDir(), 'training-features.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const columns = FEATURES.map((f) => `blue_${f} AS ${f}`).join(', ');
    await connection.run(`COPY (SELECT user_id, movie_id, ${columns} FROM '${join(EXAMPLE, 'data/features.parquet')}') TO '${file}' (FORMAT parquet)`);
    connection.closeSync();
    db.closeSync();
    const pipeline = (path: string) => ({
      fields: ['rated_at', 'user_id', 'movie_id', 'release_year', 'genres'],
      training: { kind: 'file', file: 'training-features.parquet', id: ['user_id', 'movie_id'] },
      serving: { kind: 'http', url: `${url}${path}` },
    });
    const agreeing = await run(scenarioFor(blueWith(pipeline('/features'), { 'training-features.parquet': file })));
    expect(agreeing.stderr).not.toMatch(/error/i);
    const [parity] = parityOf(agreeing.out);
    expect([parity!.sample.requests, parity!.sample.joined, parity!.servingErrors]).toEqual([500, 500, 0]);
    expect(parity!.features.map((f) => [f.name, f.mismatches])).toEqual(FEATURES.map((f) => [f, 0]));
    const report = JSON.parse(readFileSync(join(agreeing.out, 'report.json'), 'utf8')) as ReadinessReport;
    expect(report.checks.find((c) => c.id === 'feature-parity')!.status).toBe('PASS');
    // Parity's 500 and every replayed 2015-2016 rating went through the service.
    expect(answered).toBeGreaterThan(500 + 4000);

    const rounding = await run(scenarioFor(blueWith(pipeline('/features-halved'), { 'training-features.parquet': file })));
    expect(rounding.code).toBe(1);
    const [wrong] = parityOf(rounding.out);
    expect(wrong!.features.filter((f) => !f.passed).map((f) => f.name)).toEqual(['movie_age']);
    // Two runs whose replays send every rating over HTTP: minutes on a loaded machine.
  }, 600_000);

  it('refuses a broken declaration with exit 2, naming the card and the field', async () => {
    const noId = await run(scenarioFor(blueWith({ fields: ['genres'], training: { kind: 'file', file: 'x.parquet' }, serving: { kind: 'http', url } })));
    expect(noId.code).toBe(2);
    expect(noId.stderr).toMatch(/model-card\.json: pipeline\.training\.id/);
    const noExport = await run(
      scenarioFor(
        blueWith({
          fields: ['rated_at', 'release_year', 'genres'],
          training: { kind: 'sql' },
          serving: { kind: 'module', module: 'serving/features.mjs', export: 'featuresOf' },
        }),
      ),
    );
    expect(noExport.code).toBe(2);
    expect(noExport.stderr).toContain(
      'serving/features.mjs: the serving module could not be loaded: export "featuresOf" is not a function; the module exports: features',
    );
  }, 300_000);
});

describe('a serving module in a worker thread', () => {
  it('counts a record the function refuses, or answers without a number, with why; the others are served', async () => {
    const folder = tempDir();
    const path = join(folder, 'features.mjs');
    writeFileSync(
      path,
      `export function features(record) {
  if (typeof record.x !== 'number') { const e = new Error('field "x": expected a number'); e.field = 'x'; throw e; }
  return record.x < 0 ? { double: 'negative' } : [record.x * 2];
}`,
    );
    const serving = await moduleServing({ path, exportName: 'features', features: ['double'], kinds: ['numeric'], fields: ['x'], tables: {}, specId: 'test' });
    const served = await serving.serve([{ x: 2 }, { x: 'two' }, { x: -1 }]);
    expect(Array.from(served.values[0]!)).toEqual([4, Number.NaN, Number.NaN]);
    expect(served.problems).toEqual([
      null,
      { field: 'x', message: 'field "x": expected a number' },
      { field: null, message: 'feature "double": expected a finite number or null from the serving pipeline, found string' },
    ]);
  });
});

describe('a feature service as the serving side', () => {
  it('counts a record the service refuses with its message and field, and names the URL when the service cannot be reached', async () => {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const record = JSON.parse(body) as { x?: unknown };
        if (typeof record.x !== 'number') {
          response.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'x must be a number', field: 'x' }));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ double: record.x * 2 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/features`;
    const options = { features: ['double'], kinds: ['numeric' as const], fields: ['x'], specId: 'test', concurrency: 2 };
    const served = await httpServing({ ...options, url }).serve([{ x: 2 }, { x: 'two' }, { x: 5 }]);
    expect(Array.from(served.values[0]!)).toEqual([4, Number.NaN, 10]);
    expect(served.problems).toEqual([null, { field: 'x', message: 'HTTP 422: x must be a number' }, null]);
    await new Promise((resolve) => server.close(resolve));
    await expect(httpServing({ ...options, url }).serve([{ x: 1 }])).rejects.toThrow(`the feature service ${url} could not be reached`);
  });
});
