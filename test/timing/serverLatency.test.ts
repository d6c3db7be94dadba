/**
 * Latency faults and the queue delay on a real server, each measured against a baseline taken in
 * the same test: the injected delay is ten times the baseline median, and the assertions compare
 * medians, never absolute times. This folder runs one file at a time (vitest.config.ts).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';
import { post, startTestServer, type TestServer } from '../support/servers';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');
const ONE = { features: [0.5, 12] };

/** Median round trip of `n` sequential requests, in ms. */
async function medianMs(server: TestServer, n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const answer = await post(`${server.url}/predict`, ONE);
    times.push(performance.now() - start);
    expect(answer.status).toBe(200);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)]!;
}

describe('latency faults against a baseline', () => {
  it('adds a fixed latency and a sampled one, each ten times the baseline', async () => {
    const server = await startTestServer(SMOKE_MODEL, { maxQueueDelayMs: 0, timeoutMs: 60_000 });
    await medianMs(server, 20);
    const baseline = await medianMs(server, 40);
    const injected = Math.max(1, Math.ceil(10 * baseline));

    await server.setFaults({ latency: { distribution: 'fixed', ms: injected } });
    const fixed = await medianMs(server, 10);
    expect(fixed).toBeGreaterThan(5 * baseline);
    // Node timers fire on whole milliseconds of the loop's clock, so allow one short of the delay.
    expect(fixed).toBeGreaterThanOrEqual(injected - 1);

    await server.setFaults({ seed: 4, latency: { distribution: 'lognormal', medianMs: injected, sigma: 0.1 } });
    expect(await medianMs(server, 15)).toBeGreaterThan(5 * baseline);

    await server.clearFaults();
    expect(await medianMs(server, 20)).toBeLessThan(fixed);
  });

  it('holds a lone request for the queue delay when the batch is not full', async () => {
    const fast = await startTestServer(SMOKE_MODEL, { maxQueueDelayMs: 0 });
    await medianMs(fast, 20);
    const baseline = await medianMs(fast, 40);
    const delay = Math.max(1, Math.ceil(10 * baseline));
    const batching = await startTestServer(SMOKE_MODEL, { maxBatch: 32, maxQueueDelayMs: delay, timeoutMs: 60_000 });
    const waited = await medianMs(batching, 10);
    expect(waited).toBeGreaterThan(5 * baseline);
    expect(waited).toBeGreaterThanOrEqual(delay - 1);
  });
});
