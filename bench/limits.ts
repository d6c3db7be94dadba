/**
 * `npm run bench:limits`: the two measurements the size limits of a scenario's load come from
 * (engine/common/limits/loadLimits.ts, docs/bad-input.md), each with a reference measured in the
 * same run:
 *
 * 1. The generator's CPU per request (our open loop over the real HTTP transport, against a bare
 *    Node server in another process), against wrk's on the same server: a core sends at most
 *    1 / (CPU per request) requests a second.
 * 2. The memory a planned request holds while it waits for a connection or its answer (the real
 *    transport against a server that accepts and never answers), against a bare record of the
 *    same three numbers in an array.
 *
 * It prints the figures, the ratios and the limits they give on this machine. Run with
 * `node --expose-gc` (the npm script does) so the heap is measured after a collection.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { LoadPlan } from '../src-main/engine/common/load/loadPlan';
import type { PlannedRequest, RequestOutcome } from '../src-main/engine/common/ports/loadTransport';
import { BYTES_PER_HELD_REQUEST, GENERATOR_RPS_PER_CORE, loadLimits } from '../src-main/engine/common/limits/loadLimits';
import { httpTransport } from '../src-main/engine/node/load/httpTransport';
import { runPreparedLoad } from '../src-main/engine/node/load/runLoad';
import { systemClock } from '../src-main/engine/node/run/systemClock';

const SECONDS = Number(process.env['REHEARSAL_BENCH_SECONDS'] ?? 4);
const HELD = 200_000;
const WORK = mkdtempSync(join(tmpdir(), 'rehearsal-bench-limits-'));

/** A bare keep-alive HTTP server in its own process: it answers every request with `{}`. */
const BARE_SERVER = `
const http = require('node:http');
const server = http.createServer({ keepAliveTimeout: 60000 }, (req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 2 }); res.end('{}'); });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    throw new Error('run with node --expose-gc (npm run bench:limits does)');
  }
  const server = await startBareServer();
  try {
    const url = `http://127.0.0.1:${server.port}/predict`;
    const ours = await generatorCpu(url);
    const wrk = await wrkCpu(url);
    console.log(`\nCPU per request: ours ${ours.toFixed(1)} us, wrk ${wrk.toFixed(1)} us (ours / wrk = ${(ours / wrk).toFixed(2)}x)`);
    console.log(`one core sends at most ${Math.round(1e6 / ours)} requests/s with our generator (wrk: ${Math.round(1e6 / wrk)})`);
  } finally {
    server.process.kill('SIGTERM');
  }
  const held = await heldBytes(gc);
  console.log(
    `\nmemory per held request: ${held.request.toFixed(0)} bytes; a bare record of its three numbers: ${held.record.toFixed(0)} bytes (ratio ${(held.request / held.record).toFixed(2)}x)`,
  );
  const machine = { cores: availableParallelism(), memoryBytes: totalmem() };
  const limits = loadLimits(machine);
  console.log(
    `\nlimits in the code: ${GENERATOR_RPS_PER_CORE} requests/s from one core, ${BYTES_PER_HELD_REQUEST} bytes per held request` +
      `\non this machine (${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB): at most ${limits.maxRps} requests/s, at most ${limits.maxHeldRequests} requests held at once`,
  );
  rmSync(WORK, { recursive: true, force: true });
}

/** Our generator's CPU time per request sent, in microseconds, at a rate the bare server holds. */
async function generatorCpu(url: string): Promise<number> {
  const plan: LoadPlan = {
    url,
    protocol: 'predict',
    rps: 4000,
    shape: 'constant',
    durationMs: SECONDS * 1000,
    slaMs: 100,
    timeoutMs: 2000,
    payload: { kind: 'numeric' },
    seed: 1,
  };
  const prepared = { endpoint: new URL(url), bodies: [Buffer.from('{"features":[0.1,0.2,0.3]}')], payload: 'three numbers', eventTimes: null };
  await runPreparedLoad({ ...plan, durationMs: 1000 }, prepared); // warms the JIT and the sockets
  // Fixed costs (timers, the deadline sweep) spread over more requests as the rate climbs; the
  // least CPU per request among the rates the server kept up with is the generator's own.
  let best = Number.POSITIVE_INFINITY;
  for (const rps of [4000, 8000, 16000, 24000, 32000]) {
    const before = process.cpuUsage();
    const result = await runPreparedLoad({ ...plan, rps }, prepared);
    const used = process.cpuUsage(before);
    const perRequest = (used.user + used.system) / result.requests.sent;
    const keptUp = result.achievedRps >= 0.9 * rps && result.dropped === 0;
    console.log(
      `ours at ${rps} rps: achieved ${result.achievedRps.toFixed(0)}, lateness p99 ${result.latenessMs.p99} ms, ${result.dropped} dropped, ${perRequest.toFixed(1)} us of CPU per request${keptUp ? '' : ' (not kept up: not counted)'}`,
    );
    if (keptUp) {
      best = Math.min(best, perRequest);
    }
  }
  return best;
}

/** wrk's CPU time per request (one thread, 16 connections) against the same server, in microseconds, from /usr/bin/time. */
async function wrkCpu(url: string): Promise<number> {
  const script = join(WORK, 'post.lua');
  writeFileSync(script, 'wrk.method = "POST"\nwrk.body = \'{"features":[0.1,0.2,0.3]}\'\nwrk.headers["Content-Type"] = "application/json"\n');
  const child = spawn('/usr/bin/time', ['-f', 'cpu-seconds %U %S', 'wrk', '-t1', '-c16', `-d${SECONDS}s`, '-s', script, url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) {
    throw new Error(`wrk exited with ${code} (apt-get install wrk time):\n${output.slice(-1000)}`);
  }
  const requests = Number(/(\d+) requests in/.exec(output)?.[1]);
  const cpu = /cpu-seconds ([\d.]+) ([\d.]+)/.exec(output);
  const cpuUs = (Number(cpu?.[1]) + Number(cpu?.[2])) * 1e6;
  console.log(`wrk -t1 -c16: ${requests} requests in ${SECONDS} s, ${(cpuUs / requests).toFixed(1)} us of CPU per request`);
  return cpuUs / requests;
}

/** Heap bytes per request held by the transport (waiting for a connection), and per bare record. */
async function heldBytes(gc: () => void): Promise<{ request: number; record: number }> {
  const silent: Server = createServer(() => undefined);
  silent.listen(0, '127.0.0.1');
  await once(silent, 'listening');
  const port = (silent.address() as { port: number }).port;
  const transport = httpTransport({ url: new URL(`http://127.0.0.1:${port}/predict`), bodies: [Buffer.from('{}')], connections: 1, clock: systemClock });
  const settled: RequestOutcome[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  const start = systemClock.monotonic();
  for (let seq = 0; seq < HELD; seq++) {
    // What the open loop hands over: the planned request and a callback that closes over it.
    const request: PlannedRequest = { seq, plannedAt: start + seq / 1000, deadline: start + 3_600_000 };
    const handedAt = systemClock.monotonic();
    transport.send(request, (outcome) => settled.push({ ...outcome, doneAt: outcome.doneAt - handedAt + request.plannedAt }));
  }
  gc();
  const request = (process.memoryUsage().heapUsed - before) / HELD;
  await transport.close();
  silent.close();
  settled.length = 0;
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const records: { seq: number; plannedAt: number; deadline: number }[] = [];
  for (let seq = 0; seq < HELD; seq++) {
    records.push({ seq, plannedAt: seq / 1000, deadline: seq / 1000 + 1000 });
  }
  gc();
  const record = (process.memoryUsage().heapUsed - baseline) / HELD;
  return { request, record: records.length > 0 ? record : Number.NaN };
}

async function startBareServer(): Promise<{ port: number; process: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { port: Number(String(chunk).trim()), process: child };
}

await main();
