/**
 * The model server's pipeline in this process, over an in-memory model runner (the inference
 * worker's port): every route answers through the table, refusals name their field and are
 * counted, and stopping drains: a queued request is answered 503, the running batch finishes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEventBody } from '../../../src-main/contract/events';
import { NO_FAULTS } from '../../../src-main/engine/common/scenario/sections/faults';
import type { BatchResult, ModelRunner } from '../../../src-main/engine/common/serving/rowBlock';
import type { ServedModel } from '../../../src-main/engine/common/serving/servedModel';
import { startModelServer, type ModelServer } from '../../../src-main/engine/node/serving/modelServer';
import { systemClock } from '../../../src-main/engine/node/run/systemClock';
import { systemScheduler } from '../../../src-main/engine/node/run/systemScheduler';
import { metricValue } from '../../support/servers';

const MODEL: ServedModel = {
  name: 'two-features',
  version: 'v3',
  inputs: [{ name: 'x', type: 'float32', dims: ['N', 2] }],
  outputs: [{ name: 'p', type: 'float32', dims: ['N', 1] }],
  maxBatch: 4,
  layout: { kind: 'matrix', input: 'x', type: 'float32', width: 2, names: ['a', 'b'] },
};

/** P = (a + b) / 10 for each row; with `hold`, each batch waits until the test releases it. */
function memoryRunner(hold = false) {
  const waiting: (() => void)[] = [];
  const runner: ModelRunner = {
    async run(batch) {
      const data = batch['x']!.data as Float32Array;
      const scores = Float32Array.from({ length: data.length / 2 }, (_, i) => (data[2 * i]! + data[2 * i + 1]!) / 10);
      if (hold) {
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      return { scores, outputs: { p: { type: 'float32', dims: [scores.length, 1], data: scores } } } satisfies BatchResult;
    },
  };
  return { runner, release: () => waiting.splice(0).forEach((go) => go()), held: () => waiting.length };
}

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(runner: ModelRunner, timeoutMs = 5000): Promise<{ server: ModelServer; events: RunEventBody[] }> {
  const events: RunEventBody[] = [];
  const server = await startModelServer(
    MODEL,
    runner,
    { port: 0, maxBatch: 1, maxQueueDelayMs: 0, timeoutMs, faults: NO_FAULTS, executionProvider: 'memory' },
    {
      label: 'two',
      clock: systemClock,
      scheduler: systemScheduler,
      log: () => undefined,
      emit: (e) => events.push(e),
      crash: (reason) => {
        throw new Error(`unexpected crash: ${reason}`);
      },
    },
  );
  servers.push(server);
  return { server, events };
}

async function call(url: string, method = 'GET', body?: unknown): Promise<{ status: number; allow: string | null; json: unknown }> {
  const response = await fetch(url, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.status, allow: response.headers.get('allow'), json: await response.json() };
}

describe('the model server in this process', () => {
  it('answers records by feature name, numbers, OIP tensors, and describes its model', async () => {
    const { server } = await start(memoryRunner().runner);
    expect((await call(`${server.url}/predict`, 'POST', { features: { a: 1, b: 2 } })).json).toEqual({
      prediction: expect.closeTo(0.3, 6),
      confidence: expect.closeTo(0.7, 6),
      model_version: 'v3',
    });
    expect((await call(`${server.url}/predict`, 'POST', { instances: [[1, 1], { a: 2, b: 2 }] })).json).toMatchObject({
      predictions: [{ prediction: expect.closeTo(0.2, 6) }, { prediction: expect.closeTo(0.4, 6) }],
    });
    const infer = await call(`${server.url}/v2/models/two-features/versions/v3/infer`, 'POST', {
      id: 'q',
      inputs: [{ name: 'x', shape: [1, 2], datatype: 'FP32', data: [[3, 4]] }],
    });
    expect(infer.json).toMatchObject({ model_name: 'two-features', id: 'q', outputs: [{ name: 'p', shape: [1, 1], data: [expect.closeTo(0.7, 6)] }] });
    expect((await call(`${server.url}/v2/models/two-features`)).json).toMatchObject({ name: 'two-features', versions: ['v3'] });
    expect(await call(`${server.url}/v2/models/two-features/ready`)).toMatchObject({ status: 200, json: { ready: true } });
    expect(await call(`${server.url}/v2/repository/index`, 'POST')).toMatchObject({ json: [{ name: 'two-features', state: 'READY' }] });
  });

  it('answers 404 for another model or path and 405 with Allow for a wrong method', async () => {
    const { server } = await start(memoryRunner().runner);
    expect(await call(`${server.url}/v2/models/other/ready`)).toEqual({
      status: 404,
      allow: null,
      json: { error: 'model "other" not found; this server serves "two-features"' },
    });
    expect((await call(`${server.url}/predictions`, 'POST')).json).toEqual({
      error: 'no route for POST /predictions; expected POST /predict, POST /v2/models/two-features/infer, GET /v2/health/ready, GET /metrics',
    });
    expect(await call(`${server.url}/v2/health/ready`, 'POST')).toEqual({
      status: 405,
      allow: 'GET',
      json: { error: 'POST /v2/health/ready: expected GET' },
    });
    expect(await call(`${server.url}/admin/faults`, 'POST')).toMatchObject({ status: 405, allow: 'GET, PUT, DELETE' });
    expect(await call(`${server.url}/predict`)).toMatchObject({ status: 405, allow: 'POST' });
  });

  it('refuses bad bodies naming the field, counts them, and the fault admin parses at the same door', async () => {
    const { server, events } = await start(memoryRunner().runner);
    expect(await call(`${server.url}/predict`, 'POST', { features: { a: 1, b: 'two' } })).toMatchObject({
      status: 400,
      json: { field: 'features.b', error: expect.stringMatching(/^features\.b: expected a number/) },
    });
    expect(await call(`${server.url}/admin/faults`, 'PUT', '{"errorRate": ')).toMatchObject({
      status: 400,
      json: { field: '', error: expect.stringMatching(/^expected a JSON body of faults \(/) },
    });
    expect(await call(`${server.url}/admin/faults`, 'PUT', { errorRate: 2 })).toMatchObject({
      status: 400,
      json: { field: 'errorRate', error: 'errorRate: expected at most 1' },
    });
    expect(events).toEqual([]);
    expect((await call(`${server.url}/admin/faults`, 'PUT', { errorRate: 1 })).json).toEqual({ faults: { seed: 1, errorRate: 1 } });
    expect(await call(`${server.url}/predict`, 'POST', { features: [1, 2] })).toMatchObject({ status: 500, json: { error: 'injected fault: error rate 1' } });
    expect(events.map((e) => e.kind)).toEqual(['server.faults']);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(metricValue(text, 'model_server_requests_total{endpoint="predict",outcome="bad_request"}')).toBe(1);
    expect(metricValue(text, 'model_server_requests_total{endpoint="predict",outcome="error"}')).toBe(1);
  });

  it('stops by draining: a queued request answered 503, the running batch answered, then closed', async () => {
    const memory = memoryRunner(true);
    const { server } = await start(memory.runner, 1000);
    const running = call(`${server.url}/predict`, 'POST', { features: [1, 2] });
    await until(() => memory.held() === 1);
    const queued = call(`${server.url}/predict`, 'POST', { features: [3, 4] });
    await until(async () => (await fetch(`${server.url}/metrics`).then((r) => r.text())).includes('model_server_queue_depth 1'));
    const closed = servers.pop()!.close();
    expect(await queued).toEqual({ status: 503, allow: null, json: { error: 'the server is stopping' } });
    memory.release();
    expect(await running).toMatchObject({ status: 200, json: { prediction: expect.closeTo(0.3, 6) } });
    await closed;
    await expect(fetch(`${server.url}/v2/health/live`)).rejects.toThrow();
  });
});

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
