/**
 * `npm run bench:serve`. Two measurements, each against a reference taken in the same run:
 *
 * 1. Overhead at batch 1: the round trip of `POST /predict` (and OIP infer) to a real server
 *    (max batch 1, no queue delay) on the smoke model, against a bare `session.run` of the same
 *    model in this process. Target: p50 overhead < 200 us.
 * 2. Dynamic batching: throughput at equal p99 on a compute-bound wide MLP (a batch-1 run takes
 *    milliseconds), the server with max batch 1 against max batch 32 with a 2 ms queue delay.
 *    Closed-loop clients at rising concurrency; the p99 of the batching server at its best
 *    throughput is the budget, and each server is credited with the most it served within that
 *    p99. Target: >= 3x.
 *
 * The machine is shared with other work; the figures move by tens of percent between runs.
 * BENCH_THREADS=N sets the servers' onnxruntime intra-op threads; BENCH_ONLY=overhead or BENCH_ONLY=batching runs one part.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { startEmbeddedServer, type EmbeddedServer } from '../src-main/engine/node/serving/embeddedServer';
import { serverOptions, type ServerOptions } from '../src-main/engine/node/serving/serverOptions';
import { wideMlp } from '../src-main/engine/node/onnx/wideMlp';
import { writeModelFolder } from '../test/support/models';
import { ROOT, tempDir } from '../test/support/paths';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');
const MLP = { inputs: 256, hidden: [2048, 2048, 2048] };

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function us(ms: number): string {
  return `${(ms * 1000).toFixed(0)} us`;
}

/** POSTs over a keep-alive agent; resolves with the status. */
function send(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Sorted durations (ms) of `n` sequential calls after `warm` unmeasured ones. */
async function timed(n: number, warm: number, call: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warm; i++) {
    await call();
  }
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

async function start(model: string, overrides: Partial<Omit<ServerOptions, 'model'>>): Promise<EmbeddedServer> {
  return startEmbeddedServer(serverOptions(model, { timeoutMs: 60_000, threads: Number(process.env['BENCH_THREADS'] ?? 0) || null, ...overrides }));
}

/** A bare node:http server in a child process answering every POST with a fixed answer: HTTP's own cost. */
const ECHO = `const s = require('node:http').createServer({ keepAlive: true, noDelay: true }, (q, r) => { q.resume(); q.on('end', () => { const t = '{"prediction":0.13,"confidence":0.87,"model_version":"smoke-v1"}'; r.writeHead(200, { 'content-type': 'application/json', 'content-length': t.length }); r.end(t); }); }); s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;

async function httpFloor(): Promise<number[]> {
  const child = spawn(process.execPath, ['-e', ECHO], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times = await timed(5000, 500, () => send(agent, new URL(`http://127.0.0.1:${port}/predict`), '{"features":[0.337,6]}'));
  agent.destroy();
  child.kill();
  return times;
}

async function overhead(): Promise<void> {
  const session = await ort.InferenceSession.create(join(SMOKE_MODEL, 'model.onnx'), { logSeverityLevel: 3 });
  const bare = await timed(5000, 500, () => session.run({ features: new ort.Tensor('float32', Float32Array.of(0.337, 6), [1, 2]) }));
  await session.release();
  const server = await start(SMOKE_MODEL, { maxBatch: 1, maxQueueDelayMs: 0 });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const predict = await timed(5000, 500, () => send(agent, new URL(`${server.url}/predict`), '{"features":[0.337,6]}'));
  const infer = await timed(5000, 500, () =>
    send(agent, new URL(`${server.url}/v2/models/smoke-v1/infer`), '{"inputs":[{"name":"features","shape":[1,2],"datatype":"FP32","data":[0.337,6]}]}'),
  );
  const record = await timed(5000, 500, () => send(agent, new URL(`${server.url}/predict`), '{"features":{"date":"2001-03-01 06:05:00","distance":337}}'));
  agent.destroy();
  await server.stop();
  const floor = await httpFloor();
  console.log('1. overhead over a bare session.run at batch 1 (smoke model, 5000 sequential requests)');
  console.log(`   bare session.run            p50 ${us(percentile(bare, 0.5))}  p99 ${us(percentile(bare, 0.99))}`);
  for (const [name, times] of [
    ['POST /predict numbers', predict],
    ['POST /predict raw record', record],
    ['POST OIP infer', infer],
  ] as const) {
    console.log(
      `   ${name.padEnd(27)} p50 ${us(percentile(times, 0.5))}  p99 ${us(percentile(times, 0.99))}  overhead p50 ${us(percentile(times, 0.5) - percentile(bare, 0.5))}  p99 ${us(percentile(times, 0.99) - percentile(bare, 0.99))}`,
    );
  }
  console.log(`   (a bare node:http server       p50 ${us(percentile(floor, 0.5))}  p99 ${us(percentile(floor, 0.99))}: HTTP's own share of the overhead)`);
  // The same run's bare node:http server is the reference that moves with the machine's load.
  for (const [name, times] of [
    ['POST /predict numbers', predict],
    ['POST /predict raw record', record],
    ['POST OIP infer', infer],
  ] as const) {
    console.log(`   ${name.padEnd(27)} p50 / node:http p50 = ${(percentile(times, 0.5) / percentile(floor, 0.5)).toFixed(2)}`);
  }
  const p50 = percentile(predict, 0.5) - percentile(bare, 0.5);
  console.log(`   => p50 overhead ${us(p50)} (target < 200 us): ${p50 < 0.2 ? 'met' : 'NOT met'}`);
}

/** Closed loop: `clients` connections each sending back to back for `seconds`. */
async function closedLoop(url: URL, body: string, clients: number, seconds: number): Promise<{ rps: number; p99: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const times: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const warmEnd = performance.now() + 300;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const startAt = performance.now();
        const status = await send(agent, url, body);
        if (startAt >= warmEnd) {
          times.push(performance.now() - startAt);
          if (status !== 200) {
            errors++;
          }
        }
      }
    }),
  );
  agent.destroy();
  times.sort((a, b) => a - b);
  return { rps: times.length / (seconds - 0.3), p99: percentile(times, 0.99), errors };
}

async function batching(): Promise<void> {
  const dir = writeModelFolder(join(tempDir('rehearsal-bench-'), 'wide-mlp'), wideMlp(MLP), { name: 'wide-mlp' });
  const session = await ort.InferenceSession.create(join(dir, 'model.onnx'), { logSeverityLevel: 3 });
  const row = Array.from({ length: MLP.inputs }, (_, i) => ((i * 37) % 100) / 100);
  const bare = await timed(100, 10, () => session.run({ features: new ort.Tensor('float32', Float32Array.from(row), [1, MLP.inputs]) }));
  const bare32 = await timed(30, 5, () => session.run({ features: new ort.Tensor('float32', new Float32Array(32 * MLP.inputs).fill(0.5), [32, MLP.inputs]) }));
  await session.release();
  console.log(
    `\n2. dynamic batching on a wide MLP (${MLP.inputs} inputs, hidden ${MLP.hidden.join('x')}): bare run p50 ${percentile(bare, 0.5).toFixed(2)} ms at batch 1, ${percentile(bare32, 0.5).toFixed(2)} ms at batch 32`,
  );
  console.log('   closed-loop clients (each sends its next request when the last is answered), 2.3 s per point');
  const body = JSON.stringify({ features: row });
  const sweeps: { name: string; points: { clients: number; rps: number; p99: number; errors: number }[] }[] = [];
  for (const [name, overrides] of [
    ['max batch 1 (no batching)', { maxBatch: 1, maxQueueDelayMs: 0 }],
    ['max batch 32, delay 2 ms', { maxBatch: 32, maxQueueDelayMs: 2 }],
  ] as const) {
    const server = await start(dir, overrides);
    const url = new URL(`${server.url}/predict`);
    const points = [];
    for (const clients of [1, 2, 4, 8, 16, 32, 64]) {
      const point = { clients, ...(await closedLoop(url, body, clients, 2.3)) };
      points.push(point);
      console.log(
        `   ${name.padEnd(26)} clients ${String(clients).padStart(2)}: ${point.rps.toFixed(0).padStart(5)} req/s  p99 ${point.p99.toFixed(1).padStart(6)} ms${point.errors ? `  errors ${point.errors}` : ''}`,
      );
    }
    sweeps.push({ name, points });
    await server.stop();
  }
  // Equal p99: the batching server's p99 at its best throughput is the budget; each server is
  // credited with the most it served within that budget.
  const [without, withBatching] = sweeps as [(typeof sweeps)[number], (typeof sweeps)[number]];
  const peak = withBatching.points.reduce((a, b) => (b.rps > a.rps && b.errors === 0 ? b : a));
  const budget = peak.p99;
  const bestWithin = (points: (typeof peak)[]) => Math.max(0, ...points.filter((p) => p.p99 <= budget && p.errors === 0).map((p) => p.rps));
  const a = bestWithin(without.points);
  const b = bestWithin(withBatching.points);
  console.log(
    `   => within p99 ${budget.toFixed(1)} ms: ${a.toFixed(0)} req/s without batching, ${b.toFixed(0)} req/s with: ${(b / a).toFixed(1)}x (target >= 3x): ${b >= 3 * a ? 'met' : 'NOT met'}`,
  );
}

process.env['ORT_DISABLE_TELEMETRY'] = '1';
ort.env.logLevel = 'fatal';
const only = process.env['BENCH_ONLY'];
if (only !== 'batching') {
  await overhead();
}
if (only !== 'overhead') {
  await batching();
}
