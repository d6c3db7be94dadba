/** The model server for real: the server bundle as a child process on 127.0.0.1, ORT in its worker. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawRecord } from '../../src-main/engine/common/features/rawRecord';
import { servingPipeline } from '../../src-main/engine/common/features/featureSpec';
import { smokeSpec } from '../../scenarios/smoke/features/smoke';
import { openOrtInference } from '../../src-main/engine/node/ort/ortInference';
import { perFeatureModel, writeModelFolder } from '../support/models';
import { ROOT, tempDir } from '../support/paths';
import { get, metricValue, post, startTestServer, type TestServer } from '../support/servers';
import { requireService } from '../support/services';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');
const RECORDS: RawRecord[] = [
  { date: '2001-03-01 06:05:00', distance: 337, origin: 'SFO', destination: 'LAX' },
  { date: '2001-03-02T18:40:00', distance: 2475 },
  { date: '2001-03-03 23:59:00', distance: '802' },
];

/** P(delay) of each record as a bare ORT session computes it from the serving pipeline's features. */
async function bareScores(records: readonly RawRecord[]): Promise<number[]> {
  const { inference } = await openOrtInference(join(SMOKE_MODEL, 'model.onnx'), 'cpu');
  const scores = await inference.run(servingPipeline(smokeSpec, {}).toBatch(records, 'features'));
  await inference.close();
  return Array.from(scores);
}

describe('the model server on the smoke model', () => {
  let server: TestServer;
  let expected: number[];
  beforeAll(async () => {
    server = await startTestServer(SMOKE_MODEL, { maxQueueDelayMs: 0 });
    expected = await bareScores(RECORDS);
  });

  it('says it is live and ready, and describes itself and its model (OIP)', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.started).toMatchObject({
      kind: 'server.started',
      label: 'smoke-v1',
      verified: true,
      executionProvider: 'cpu',
      maxBatch: 32,
      timeoutMs: 100,
      model: { name: 'smoke-v1', featureSpec: 'smoke-v1' },
    });
    expect(await get(`${server.url}/v2/health/live`)).toEqual({ status: 200, json: { live: true } });
    expect(await get(`${server.url}/v2/health/ready`)).toEqual({ status: 200, json: { ready: true } });
    expect(await get(`${server.url}/v2/models/smoke-v1/ready`)).toEqual({ status: 200, json: { name: 'smoke-v1', ready: true } });
    expect((await get(`${server.url}/v2`)).json).toMatchObject({ name: 'rehearsal-model-server' });
    expect(await post(`${server.url}/v2/repository/index`, {})).toEqual({ status: 200, json: [{ name: 'smoke-v1', version: 'smoke-v1', state: 'READY' }] });
    expect(await get(`${server.url}/v2/models/smoke-v1`)).toEqual({
      status: 200,
      json: {
        name: 'smoke-v1',
        versions: ['smoke-v1'],
        platform: 'onnxruntime_onnx',
        inputs: [{ name: 'features', datatype: 'FP32', shape: [-1, 2] }],
        outputs: [{ name: 'probability', datatype: 'FP32', shape: [-1, 1] }],
      },
    });
  });

  it("answers a raw record through the model's own serving pipeline, as a bare session computes it", async () => {
    const answer = await post(`${server.url}/predict`, { features: RECORDS[0] });
    expect(answer).toEqual({ status: 200, json: { prediction: expected[0], confidence: 1 - expected[0]!, model_version: 'smoke-v1' } });
  });

  it("answers instances, and the seed's numeric form in input order", async () => {
    const many = await post(`${server.url}/predict`, { instances: RECORDS });
    expect(many.status).toBe(200);
    expect((many.json as { predictions: { prediction: number }[] }).predictions.map((p) => p.prediction)).toEqual(expected);
    const numeric = await post(`${server.url}/predict`, { features: [2.475, 18] });
    expect(numeric.json).toMatchObject({ prediction: expected[1] });
  });

  it("answers OIP infer with the model's output tensors in its layout", async () => {
    const answer = await post(`${server.url}/v2/models/smoke-v1/infer`, {
      id: 'a1',
      inputs: [
        {
          name: 'features',
          shape: [2, 2],
          datatype: 'FP32',
          data: [
            [0.337, 6],
            [2.475, 18],
          ],
        },
      ],
    });
    expect(answer).toEqual({
      status: 200,
      json: {
        model_name: 'smoke-v1',
        model_version: 'smoke-v1',
        id: 'a1',
        outputs: [{ name: 'probability', datatype: 'FP32', shape: [2, 1], data: [expected[0], expected[1]] }],
      },
    });
    expect(
      (
        await post(`${server.url}/v2/models/smoke-v1/versions/smoke-v1/infer`, {
          inputs: [{ name: 'features', shape: [1, 2], datatype: 'FP32', data: [0.802, 23] }],
        })
      ).json,
    ).toMatchObject({
      outputs: [{ data: [expected[2]] }],
    });
  });

  it('refuses bad requests with 400, naming the field and what was expected', async () => {
    expect(await post(`${server.url}/predict`, { features: { date: '2001-03-01 06:05:00' } })).toEqual({
      status: 400,
      json: {
        error: 'features.distance: expected a number, found nothing (the field is missing)',
        field: 'features.distance',
        expected: 'expected a number, found nothing (the field is missing)',
      },
    });
    expect(await post(`${server.url}/predict`, '{"features": [1, 2')).toMatchObject({
      status: 400,
      json: { field: '', error: expect.stringMatching(/^expected a JSON body \(/) },
    });
    expect(
      await post(`${server.url}/v2/models/smoke-v1/infer`, { inputs: [{ name: 'features', shape: [1, 2], datatype: 'INT64', data: [1, 2] }] }),
    ).toMatchObject({
      status: 400,
      json: { field: 'inputs[0].datatype', error: 'inputs[0].datatype: expected FP32 (the type of model input "features"), got INT64' },
    });
  });

  it('refuses a body over 32 MiB with 413 and keeps serving', async () => {
    const huge = `{"features": [${'1,'.repeat(17 * 1024 * 1024)}1]}`;
    expect(await post(`${server.url}/predict`, huge)).toEqual({ status: 413, json: { error: 'body: expected at most 33554432 bytes' } });
    expect((await post(`${server.url}/predict`, { features: [1, 2] })).status).toBe(200);
  });

  it('answers 404 for another model or an unknown route, 405 for a wrong method', async () => {
    expect(await post(`${server.url}/v2/models/other/infer`, {})).toEqual({
      status: 404,
      json: { error: 'model "other" not found; this server serves "smoke-v1"' },
    });
    expect((await get(`${server.url}/nowhere`)).status).toBe(404);
    expect((await get(`${server.url}/v2/models/smoke-v1/infer`)).status).toBe(405);
  });

  it("exposes /metrics that promtool accepts, with the server's metrics in base units", async (context) => {
    await post(`${server.url}/predict`, { features: [1, 2] });
    await post(`${server.url}/predict`, { features: {} });
    const response = await fetch(`${server.url}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(metricValue(text, 'model_server_requests_total{endpoint="predict",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'model_server_requests_total{endpoint="predict",outcome="bad_request"}')).toBeGreaterThanOrEqual(1);
    for (const name of [
      'model_server_request_duration_seconds_bucket{le="0.0001",endpoint="predict",outcome="ok"}',
      'model_server_batch_size_count',
      'model_server_inference_duration_seconds_count',
      'model_server_queue_wait_seconds_count',
      'model_server_queue_depth',
      'process_resident_memory_bytes',
      'model_server_info{model="smoke-v1",version="smoke-v1",execution_provider="cpu"}',
    ]) {
      expect(metricValue(text, name), name).toBeGreaterThanOrEqual(0);
    }
    expect(text).not.toMatch(/^nodejs_active_\w+_total/m);
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    requireService(context, promtool.error === undefined, 'promtool (Debian package prometheus) is not installed');
    expect(`${promtool.stdout}${promtool.stderr}`).toBe('');
    expect(promtool.status).toBe(0);
  });
});

describe('dynamic batching on a real server', () => {
  it('runs requests that arrive together as one batch', async () => {
    // The queue delay and timeout are far longer than the test: the batch forms by size alone.
    const server = await startTestServer(SMOKE_MODEL, { maxBatch: 4, maxQueueDelayMs: 60_000, timeoutMs: 120_000 });
    const answers = await Promise.all([1, 2, 3, 4].map((h) => post(`${server.url}/predict`, { features: [0.5, h] })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(metricValue(text, 'model_server_batch_size_count')).toBe(1);
    expect(metricValue(text, 'model_server_batch_size_sum')).toBe(4);
  });
});

describe('execution providers', () => {
  it('falls back from CUDA to CPU, says why, and still serves (no CUDA provider is installed here)', async () => {
    const server = await startTestServer(SMOKE_MODEL, { ep: 'cuda' });
    expect(server.started).toMatchObject({
      requestedProvider: 'cuda',
      executionProvider: 'cpu',
      fallbackReason: expect.stringMatching(/^CUDA execution provider unavailable/),
    });
    expect(server.log.some((l) => l.startsWith('[smoke-v1] execution provider: asked for cuda, using cpu: CUDA execution provider unavailable'))).toBe(true);
    expect((await post(`${server.url}/predict`, { features: [0.5, 1] })).status).toBe(200);
  });
});

describe('models without a feature spec', () => {
  it('serves one input per feature: records by input name, numbers in input order, OIP tensors', async () => {
    const dir = writeModelFolder(join(tempDir(), 'per-feature'), perFeatureModel(['distance', 'hour'], [0.001, 0.1], -1), { name: 'pf' });
    const server = await startTestServer(dir, { maxQueueDelayMs: 0, modelVersion: 'v7' });
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    const record = await post(`${server.url}/predict`, { features: { distance: 1000, hour: 0 } });
    expect(record.json).toEqual({ prediction: expect.closeTo(sigmoid(0), 6), confidence: expect.closeTo(0.5, 6), model_version: 'v7' });
    expect((await post(`${server.url}/predict`, { features: [0, 20] })).json).toMatchObject({ prediction: expect.closeTo(sigmoid(1), 6) });
    const oip = await post(`${server.url}/v2/models/pf/infer`, {
      inputs: [
        { name: 'distance', shape: [2], datatype: 'FP32', data: [1000, 0] },
        { name: 'hour', shape: [2], datatype: 'FP32', data: [0, 20] },
      ],
    });
    expect(oip.json).toMatchObject({ model_name: 'pf', model_version: 'v7', outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [2, 2] }] });
    const data = (oip.json as { outputs: { data: number[] }[] }).outputs[0]!.data;
    expect(data.map((v) => Number(v.toFixed(6)))).toEqual([0.5, 0.5, 1 - sigmoid(1), sigmoid(1)].map((v) => Number(v.toFixed(6))));
    expect(await post(`${server.url}/v2/models/pf/infer`, { inputs: [{ name: 'distance', shape: [1], datatype: 'FP32', data: [1] }] })).toMatchObject({
      status: 400,
      json: { error: 'inputs: expected every model input; missing "hour"' },
    });
  });
});
