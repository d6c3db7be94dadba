/**
 * The load generator against real model servers on 127.0.0.1 (`rehearse serve`'s embedded
 * backend, real onnxruntime): the schedule the server counts, a stall injected through the
 * server's fault endpoint, and errors and timeouts counted as the server counted them. Loads of
 * 3 s or less, assertions relative to a baseline measured in the same test; this folder runs one
 * file at a time.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadPlan } from '../../src-main/engine/common/load/loadPlan';
import { poissonArrivals } from '../../src-main/engine/common/load/poissonSchedule';
import { rateShape } from '../../src-main/engine/common/load/rateShape';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { runLoad } from '../../src-main/engine/node/load/runLoad';
import { ROOT } from '../support/paths';
import { metricValue, startTestServer, type TestServer } from '../support/servers';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');
const SMOKE_SNAPSHOT = join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet');

function plan(url: string, changes: Partial<LoadPlan> = {}): LoadPlan {
  return {
    url,
    protocol: 'predict',
    rps: 300,
    shape: 'constant',
    durationMs: 2000,
    slaMs: 100,
    timeoutMs: 5000,
    payload: { kind: 'snapshot', path: SMOKE_SNAPSHOT, order: 'event' },
    seed: 3,
    ...changes,
  };
}

/** The server's own count of `/predict` requests by outcome, read from /metrics. */
async function served(server: TestServer, outcome: 'ok' | 'error' | 'timeout'): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return metricValue(text, `model_server_requests_total{endpoint="predict",outcome="${outcome}"}`) ?? 0;
}

/** Runs `work` while the server is stalled (every batch held) from `atMs` for `forMs`. */
async function withStall<T>(server: TestServer, atMs: number, forMs: number, work: () => Promise<T>): Promise<T> {
  const faults: Promise<unknown>[] = [];
  const start = setTimeout(() => faults.push(server.setFaults({ stuckBatch: true })), atMs);
  const end = setTimeout(() => faults.push(server.clearFaults()), atMs + forMs);
  try {
    return await work();
  } finally {
    clearTimeout(start);
    clearTimeout(end);
    await Promise.all(faults);
    await server.clearFaults();
  }
}

describe('load against the real model server', () => {
  it('sends exactly the planned raw records, and the server answers each one', async () => {
    const server = await startTestServer(SMOKE_MODEL, { timeoutMs: 60_000 });
    const before = await served(server, 'ok');
    const result = await runLoad(plan(server.url, { rps: 300, durationMs: 2500, seed: 5 }));
    const planned = [...poissonArrivals(rateShape('constant', 300, 2500), seededRng(5))].length;
    expect(result.requests).toEqual({ planned, sent: planned, ok: planned });
    expect((await served(server, 'ok')) - before).toBe(planned);
    expect(result.errors + result.timeouts + result.dropped).toBe(0);
    // No bound on achievedRps: it divides by wall time, which a shared CI machine stretches; the
    // counts above already prove every planned request was sent and answered.
  });

  it('sees a stall injected through the fault endpoint in the corrected p99, not in the uncorrected one', async () => {
    // The server's own timeout is far off, so that stalled requests are answered late, not 504.
    const server = await startTestServer(SMOKE_MODEL, { timeoutMs: 60_000 });
    const few = { rps: 400, durationMs: 3000, connections: 4 };
    await runLoad(plan(server.url, { ...few, durationMs: 1000 }));
    const baseline = await runLoad(plan(server.url, few));
    expect(baseline.errors + baseline.timeouts + baseline.dropped).toBe(0);
    // Ten times the baseline p99, and long enough to hold more than 1% of the requests.
    const stallMs = Math.max(10 * baseline.latencyMs.p99, 300);
    const stalled = await withStall(server, 1000, stallMs, () => runLoad(plan(server.url, { ...few, timeoutMs: 4 * stallMs + 5000 })));
    expect(stalled.requests.ok).toBe(stalled.requests.planned);
    expect(stalled.latencyMs.p99).toBeGreaterThan(stallMs / 2);
    expect(stalled.uncorrectedLatencyMs.p99).toBeLessThan(stallMs / 4);
    // The few requests caught on the four connections carry it into the uncorrected max, and the
    // rest waited for a connection, which the result says.
    expect(stalled.uncorrectedLatencyMs.max).toBeGreaterThan(stallMs / 2);
    expect(stalled.connectionWaitMs.max).toBeGreaterThan(stallMs / 2);
  });

  it("counts errors and the server's timeouts exactly as the server counted them", async () => {
    const server = await startTestServer(SMOKE_MODEL, { timeoutMs: 60_000 });
    const errorsBefore = await served(server, 'error');
    await server.setFaults({ seed: 9, errorRate: 0.2 });
    const failing = await runLoad(plan(server.url, { rps: 200, durationMs: 1500 }));
    await server.clearFaults();
    const errors = (await served(server, 'error')) - errorsBefore;
    expect(errors).toBeGreaterThan(0);
    expect(failing.errors).toBe(errors);
    expect(failing.errorKinds).toEqual({ 'http 500': errors });
    expect(failing.requests.ok + failing.errors).toBe(failing.requests.planned);
    expect(failing.slaPass).toBe(false);

    // A server whose timeout is shorter than its injected latency answers 504, counted as timeouts.
    const slow = await startTestServer(SMOKE_MODEL, { timeoutMs: 20 });
    await slow.setFaults({ latency: { distribution: 'fixed', ms: 200 } });
    const timingOut = await runLoad(plan(slow.url, { rps: 100, durationMs: 1000 }));
    const timeouts = await served(slow, 'timeout');
    expect(timeouts).toBeGreaterThan(0);
    expect(timingOut.timeouts).toBe(timeouts);
    expect(timingOut.requests.ok + timingOut.timeouts).toBe(timingOut.requests.planned);
  });

  it('times out, and counts, requests a stuck server never answers', async () => {
    const server = await startTestServer(SMOKE_MODEL, { timeoutMs: 60_000 });
    await server.setFaults({ stuckBatch: true });
    const result = await runLoad(plan(server.url, { rps: 100, durationMs: 1000, timeoutMs: 300 }));
    await server.clearFaults();
    expect(result.requests.ok).toBe(0);
    expect(result.timeouts + result.dropped).toBe(result.requests.planned);
    expect(result.timeouts).toBeGreaterThan(0);
    expect(result.slaPass).toBe(false);
  });

  it("sends numeric payloads of the model's width, found from its OIP metadata, to /predict and to infer", async () => {
    const server = await startTestServer(SMOKE_MODEL, { timeoutMs: 60_000 });
    for (const protocol of ['predict', 'oip'] as const) {
      const result = await runLoad(plan(server.url, { rps: 100, durationMs: 1000, protocol, payload: { kind: 'numeric' } }));
      expect(result.payload).toBe('numeric, model smoke-v1, width 2, 1024 rows of typed defaults (0: the server publishes no reference profile)');
      expect(result.requests.ok, protocol).toBe(result.requests.planned);
    }
  });
});
