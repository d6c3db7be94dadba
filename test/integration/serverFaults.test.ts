/** Each injected fault on a real server, set at start or through the admin endpoint, and logged. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matrixModel, writeModelFolder } from '../support/models';
import { ROOT, tempDir } from '../support/paths';
import { get, metricValue, post, startTestServer } from '../support/servers';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');
const ONE = { features: [0.5, 12] };

async function metrics(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

describe('fault injection', () => {
  it('answers 500 at the error rate, counts the errors, and stops when cleared; every change is an event', async () => {
    const server = await startTestServer(SMOKE_MODEL, { maxQueueDelayMs: 0 });
    expect(await server.setFaults({ errorRate: 1 })).toEqual({ seed: 1, errorRate: 1 });
    expect(await post(`${server.url}/predict`, ONE)).toEqual({ status: 500, json: { error: 'injected fault: error rate 1' } });
    await server.setFaults({ seed: 3, errorRate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 60; i++) {
      statuses.push((await post(`${server.url}/predict`, ONE)).status);
    }
    const errors = statuses.filter((s) => s === 500).length;
    expect(errors).toBeGreaterThan(10);
    expect(errors).toBeLessThan(50);
    expect(statuses.filter((s) => s !== 500).every((s) => s === 200)).toBe(true);
    expect(metricValue(await metrics(server.url), 'model_server_requests_total{endpoint="predict",outcome="error"}')).toBe(errors + 1);
    expect(await server.clearFaults()).toEqual({ seed: 1 });
    expect((await post(`${server.url}/predict`, ONE)).status).toBe(200);
    expect(server.events.filter((e) => e.kind === 'server.faults').map((e) => e.kind === 'server.faults' && [e.source, e.faults])).toEqual([
      ['admin', { seed: 1, errorRate: 1 }],
      ['admin', { seed: 3, errorRate: 0.5 }],
      ['admin', { seed: 1 }],
    ]);
    expect(server.log).toContain('[smoke-v1] faults (admin): error rate 0.5 (seed 3)');
    expect(await get(`${server.url}/admin/faults`)).toEqual({ status: 200, json: { faults: { seed: 1 }, requests: 1 } });
  });

  it('refuses a bad fault change with 400 naming the field, and keeps the faults it had', async () => {
    const server = await startTestServer(SMOKE_MODEL);
    await expect(server.setFaults({ latency: { distribution: 'fixed', ms: -1 } })).rejects.toMatchObject({
      name: 'InputError',
      message: 'faults: latency.ms: expected at least 0',
    });
    const put = await fetch(`${server.url}/admin/faults`, { method: 'PUT', body: '{"stuck": true}', headers: { 'content-type': 'application/json' } });
    expect(put.status).toBe(400);
    expect(await put.json()).toMatchObject({ field: 'stuck', error: 'stuck: unknown key' });
    expect((await get(`${server.url}/admin/faults`)).json).toEqual({ faults: { seed: 1 }, requests: 0 });
  });

  it('answers requests in a stuck batch with 504 at the timeout, never a hang, and recovers when cleared', async () => {
    const server = await startTestServer(SMOKE_MODEL, { maxQueueDelayMs: 0, timeoutMs: 200 });
    await server.setFaults({ stuckBatch: true });
    const answers = await Promise.all([1, 2, 3].map(() => post(`${server.url}/predict`, ONE)));
    expect(answers).toEqual(Array(3).fill({ status: 504, json: { error: 'timed out: no answer within 200 ms (queue and inference)' } }));
    const text = await metrics(server.url);
    expect(metricValue(text, 'model_server_timeouts_total{endpoint="predict"}')).toBe(3);
    expect(metricValue(text, 'model_server_fault_active{fault="stuckBatch"}')).toBe(1);
    expect(metricValue(text, 'model_server_requests_total{endpoint="predict",outcome="timeout"}')).toBe(3);
    await server.clearFaults();
    expect((await post(`${server.url}/predict`, ONE)).status).toBe(200);
    expect(metricValue(await metrics(server.url), 'model_server_fault_active{fault="stuckBatch"}')).toBe(0);
  });

  it('crashes after N requests: N are answered, the next ends the process with code 70, as events', async () => {
    const server = await startTestServer(SMOKE_MODEL, { maxQueueDelayMs: 0, faults: '{"crash": {"afterRequests": 2}}' });
    expect(server.events.find((e) => e.kind === 'server.faults')).toMatchObject({
      source: 'start',
      faults: { crash: { afterRequests: 2 } },
      previous: { seed: 1 },
    });
    expect((await post(`${server.url}/predict`, ONE)).status).toBe(200);
    expect((await post(`${server.url}/predict`, ONE)).status).toBe(200);
    await expect(post(`${server.url}/predict`, ONE)).rejects.toThrow();
    const stopped = await server.exited;
    expect(stopped).toEqual({
      kind: 'server.stopped',
      label: 'smoke-v1',
      requested: false,
      exitCode: 70,
      signal: null,
      message: 'crashed: injected crash (exit code 70)',
    });
    expect(server.events.find((e) => e.kind === 'server.crashing')).toEqual({
      kind: 'server.crashing',
      label: 'smoke-v1',
      reason: 'injected crash at request 3, after 2 requests',
      requests: 3,
    });
  });

  it('crashes at a set time after the fault is set, with no request needed', async () => {
    const server = await startTestServer(SMOKE_MODEL);
    await server.setFaults({ crash: { afterMs: 50 } });
    expect(await server.exited).toMatchObject({ requested: false, exitCode: 70 });
    expect(server.events.find((e) => e.kind === 'server.crashing')).toMatchObject({ reason: 'injected crash 50 ms after the fault was set' });
  });

  it('grows native memory by the set bytes per request, shown in /metrics, and frees it when cleared', async () => {
    // Filling 8 MB per request can take longer than the default 100 ms timeout on a loaded machine.
    const server = await startTestServer(SMOKE_MODEL, { maxQueueDelayMs: 0, timeoutMs: 30_000 });
    const rss = async () => metricValue(await metrics(server.url), 'process_resident_memory_bytes')!;
    const before = await rss();
    await server.setFaults({ memoryGrowth: { bytesPerRequest: 8 << 20, space: 'native' } });
    for (let i = 0; i < 10; i++) {
      expect((await post(`${server.url}/predict`, ONE)).status).toBe(200);
    }
    const text = await metrics(server.url);
    expect(metricValue(text, 'model_server_fault_leaked_bytes{space="native"}')).toBe(80 << 20);
    // The buffers are filled, so their pages are resident: RSS grows by about what was leaked.
    expect((await rss()) - before).toBeGreaterThan(60 << 20);
    await server.clearFaults();
    expect(metricValue(await metrics(server.url), 'model_server_fault_leaked_bytes{space="native"}')).toBe(0);
  });

  it('grows the V8 heap until the --heap-mb limit ends the process, reported as out of memory', async () => {
    const server = await startTestServer(SMOKE_MODEL, { maxQueueDelayMs: 0, heapMb: 64, faults: '{"memoryGrowth": {"bytesPerRequest": 8388608}}' });
    expect(server.started.heapMb).toBe(64);
    let answered = 0;
    for (let i = 0; i < 40; i++) {
      const ok = await post(`${server.url}/predict`, ONE).then(
        (a) => a.status === 200,
        () => false,
      );
      if (!ok) {
        break;
      }
      answered++;
    }
    const stopped = await server.exited;
    expect(stopped.requested).toBe(false);
    expect(stopped.message).toMatch(/^crashed: out of memory at the V8 heap limit/);
    // 64 MiB of heap holds fewer than eight 8 MiB leaks, whatever else the server keeps there.
    expect(answered).toBeLessThan(8);
  });

  it('reads faults from a JSON file at start and refuses a bad one naming the file and field', async () => {
    const dir = tempDir();
    const file = join(dir, 'faults.json');
    writeFileSync(file, JSON.stringify({ seed: 9, latency: { distribution: 'exponential', meanMs: 1 } }));
    const server = await startTestServer(SMOKE_MODEL, { faults: file });
    expect((await get(`${server.url}/admin/faults`)).json).toMatchObject({ faults: { seed: 9, latency: { distribution: 'exponential', meanMs: 1 } } });
    expect(server.log).toContain('[smoke-v1] faults (start): latency exponential mean 1 ms (seed 9)');
    writeFileSync(file, JSON.stringify({ errorRate: 'high' }));
    await expect(startTestServer(SMOKE_MODEL, { faults: file })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(`${file}: errorRate: expected number, got string`),
    });
  });
});

describe('digests before loading', () => {
  it('refuses to start on a mismatch (exit 2, both digests printed); --allow-unverified serves it and says so', async () => {
    const dir = writeModelFolder(join(tempDir(), 'tampered'), matrixModel([1, 2], 0));
    writeFileSync(join(dir, 'model.onnx'), matrixModel([1, 3], 0));
    const error = await startTestServer(dir).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'InputError' });
    expect((error as Error).message).toMatch(/refusing to serve: digest mismatch: model\.onnx expected ([0-9a-f]{64}), found ([0-9a-f]{64})/);
    expect((error as Error).message).toMatch(/ {2}model\.onnx: expected [0-9a-f]{64}, found [0-9a-f]{64}/);
    const allowed = await startTestServer(dir, { allowUnverified: true });
    expect(allowed.started).toMatchObject({ verified: false, allowUnverified: true, digestMessage: expect.stringMatching(/^digest mismatch/) });
    expect(allowed.log.some((l) => l.includes('serving an unverified model (--allow-unverified)'))).toBe(true);
    expect((await post(`${allowed.url}/predict`, { features: [1, 1] })).status).toBe(200);
  });

  it('refuses a model with no digest file, with a refusal event', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lonely.onnx'), matrixModel([1], 0));
    const events: string[] = [];
    const { startEmbeddedServer } = await import('../../src-main/engine/node/serving/embeddedServer');
    const { serverOptions } = await import('../../src-main/engine/node/serving/serverOptions');
    await expect(startEmbeddedServer(serverOptions(join(dir, 'lonely.onnx')), { onEvent: (e) => events.push(e.kind) })).rejects.toMatchObject({
      message: expect.stringContaining('no digest'),
    });
    expect(events).toEqual(['server.refused', 'server.stopped']);
  });
});
