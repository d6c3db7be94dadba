/**
 * A model that outputs NaN: a real ONNX model written by the project's own writer, computing
 * sigmoid(log(distance / 1000 - 0.5)), NaN for every flight shorter than 500 miles (45% of the
 * smoke snapshot). Served, each request whose rows the model answered NaN for is told so, the
 * others of its batch are answered, and the metrics observe only finite scores; scored, the NaN
 * predictions are counted and the exit code says the model is not fit; in a rehearsal,
 * dependency-pinning names the NaN as its cause.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse } from '../support/cli';
import { logOfInputModel, writeModelFolder } from '../support/models';
import { ROOT, tempDir } from '../support/paths';
import { metricValue, post, startTestServer } from '../support/servers';

const SNAPSHOT = join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet');

describe('a model that outputs NaN', () => {
  let dir: string;
  let model: string;
  beforeAll(() => {
    dir = tempDir();
    model = writeModelFolder(join(dir, 'log-model'), logOfInputModel([0.001], -0.5));
  });

  it('served: each request the model answered NaN for gets a 500 saying so, the rest of the batch 200, and no metric sees a NaN', async () => {
    // Requests sent together wait up to 2 s for each other, so they run as one batch.
    const server = await startTestServer(model, { maxBatch: 8, maxQueueDelayMs: 2000, timeoutMs: 60_000 });
    const [nan, fine, mixed] = await Promise.all([
      post(`${server.url}/predict`, { features: [300] }),
      post(`${server.url}/predict`, { features: [800] }),
      post(`${server.url}/predict`, { instances: [[900], [100]] }),
    ]);
    expect(nan).toEqual({
      status: 500,
      json: {
        error:
          "the model output NaN for output probability (row 0 of this request): expected a finite score; the model's answer for these inputs is not usable",
      },
    });
    expect(fine).toMatchObject({ status: 200, json: { prediction: expect.closeTo(0.3 / 1.3, 5) } });
    expect(mixed).toEqual({
      status: 500,
      json: {
        error:
          "the model output NaN for output probability (row 1 of this request; 1 of its 2 rows): expected a finite score; the model's answer for these inputs is not usable",
      },
    });
    const infer = await post(`${server.url}/v2/models/log-model/infer`, { inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 1], data: [250] }] });
    expect(infer.status).toBe(500);
    expect((infer.json as { error: string }).error).toMatch(/^the model output NaN for output probability \(row 0 of this request\)/);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    // The three /predict requests (4 rows) ran as one batch, the infer request as another.
    expect(metricValue(text, 'model_server_batch_size_count')).toBe(2);
    expect(metricValue(text, 'model_server_batch_size_sum')).toBe(5);
    // Only finite scores are observed: the 800-mile request and the 900-mile row.
    expect(metricValue(text, 'model_prediction_value_count')).toBe(2);
    expect(metricValue(text, 'model_server_requests_total{endpoint="predict",outcome="error"}')).toBe(2);
    expect(metricValue(text, 'model_server_requests_total{endpoint="predict",outcome="ok"}')).toBe(1);
    expect(text).not.toMatch(/\bNaN\b/);
    expect(server.log.join('\n')).not.toContain('not a valid number');
  });

  it('rehearse score counts the NaN predictions, reports their share, and exits 1', () => {
    const result = rehearse([
      'score',
      '--model',
      model,
      '--snapshot',
      SNAPSHOT,
      '--label',
      'delay > 15',
      '--features',
      'distance',
      '--json',
      '--workspace',
      dir,
    ]);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout) as { n: number; nonFinite: { count: number; share: number }; meanPrediction: number };
    expect(document.n).toBe(49071);
    // DuckDB counts the same rows: 22,068 flights under 500 miles.
    expect(document.nonFinite).toEqual({ count: 22068, share: 22068 / 49071 });
    expect(Number.isFinite(document.meanPrediction)).toBe(true);
    expect(result.stderr).toContain(
      `rehearse score: ${model} predicted NaN or Infinity for 22068 of 49071 rows (45.0%); AUC, log loss, mean prediction and quantiles are over the other 27003 rows.`,
    );
    const text = rehearse(['score', '--model', model, '--snapshot', SNAPSHOT, '--label', 'delay > 15', '--features', 'distance', '--workspace', dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('non-finite predictions: 22068 (45.0%), left out of AUC, log loss, mean prediction and quantiles');
  });

  it('rehearse run: dependency-pinning names the NaN scores as the cause, not "0 decisions flipped"', () => {
    const scenario = join(dir, 'nan.yaml');
    writeFileSync(
      scenario,
      [
        'name: nan-model',
        'description: A model that outputs NaN for short flights.',
        'models:',
        '  blue:',
        '    path: log-model',
        '    inputs: [distance]',
        'snapshots:',
        '  production:',
        `    path: ${SNAPSHOT}`,
        '    timestamp: date',
        '    label: delay > 15',
        '    labelDelay: 0s',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const result = rehearse(['run', scenario, '--out', out, '--workspace', dir, '--workspace', join(ROOT, 'scenarios')]);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
    const check = report.checks.find((c) => c.id === 'dependency-pinning')!;
    expect(check.status, result.stderr).toBe('FAIL');
    expect(check.observed).toMatch(
      /log-model: the model scored NaN or Infinity for \d+ of \d+ rows \([\d.]+%\) on \d runtimes, so its decisions cannot be compared there/,
    );
    expect(check.next).toContain('Fix log-model: it outputs NaN or Infinity for some inputs');
    expect(result.stdout).toMatch(/dependency-pinning\s+FAIL\s+.*the model scored NaN or Infinity/);
  });
});
