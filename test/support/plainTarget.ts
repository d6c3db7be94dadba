/**
 * A plain HTTP server on 127.0.0.1 for the load generator's HTTP tests, beside the real model
 * server: it answers `/predict`, OIP metadata, the repository index and `infer` at once, and can stall
 * (hold every answer until a moment), fail or hang chosen requests, answer chunked, or close the
 * connection after each answer. It records when each request arrived.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** What the server does to request number `n` (0, 1, 2, ... in arrival order). */
export interface PlainTargetBehaviour {
  /** Status to answer; 200 by default. 0 means never answer (the request hangs). */
  status?: (n: number) => number;
  /** Answer with Transfer-Encoding: chunked. */
  chunked?: boolean;
  /** Send `Connection: close` with every answer. */
  close?: boolean;
}

/** A running plain target. */
export interface PlainTarget {
  readonly url: string;
  /** performance.now() at each arrival, in order. */
  readonly arrivals: number[];
  /** Every request body and path, in arrival order. */
  readonly bodies: string[];
  readonly paths: string[];
  /** Load requests by the status they were (or will be) answered with; 0 for those left hanging. */
  readonly answered: Map<number, number>;
  /** Holds every answer (and new ones) until `ms` from now. */
  stallFor(ms: number): void;
  behave(behaviour: PlainTargetBehaviour): void;
  reset(): void;
  close(): Promise<void>;
}

const METADATA = {
  name: 'toy',
  versions: ['1'],
  platform: 'onnxruntime_onnx',
  inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 4] }],
  outputs: [{ name: 'p', datatype: 'FP32', shape: [-1, 1] }],
};
const ANSWER = JSON.stringify({ prediction: 1, confidence: 0.73, model_version: 'toy:1' });

/** Starts the server on an ephemeral port of 127.0.0.1. */
export async function startPlainTarget(initial: PlainTargetBehaviour = {}): Promise<PlainTarget> {
  let behaviour = initial;
  let stallUntil = 0;
  const arrivals: number[] = [];
  const bodies: string[] = [];
  const paths: string[] = [];
  const answered = new Map<number, number>();
  const held = new Set<ServerResponse>();

  const answer = (res: ServerResponse, status: number, body: string): void => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (behaviour.close) {
      headers['connection'] = 'close';
    }
    if (behaviour.chunked) {
      res.writeHead(status, headers);
      res.write(body.slice(0, 5));
      res.end(body.slice(5));
    } else {
      res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    }
  };
  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    if (req.method === 'POST' && req.url === '/v2/repository/index') {
      return answer(res, 200, JSON.stringify([{ name: 'toy', version: '1', state: 'READY' }]));
    }
    if (req.method === 'GET' && req.url === '/v2/models/toy') {
      return answer(res, 200, JSON.stringify(METADATA));
    }
    const n = arrivals.length;
    arrivals.push(performance.now());
    bodies.push(body);
    paths.push(req.url ?? '');
    const status = behaviour.status?.(n) ?? 200;
    answered.set(status, (answered.get(status) ?? 0) + 1);
    if (status === 0) {
      held.add(res);
      return;
    }
    const wait = stallUntil - performance.now();
    if (wait > 0) {
      held.add(res);
      setTimeout(() => {
        held.delete(res);
        answer(res, status, ANSWER);
      }, wait);
      return;
    }
    answer(res, status, ANSWER);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    bodies,
    paths,
    answered,
    stallFor: (ms) => void (stallUntil = performance.now() + ms),
    behave: (b) => void (behaviour = b),
    reset() {
      arrivals.length = 0;
      bodies.length = 0;
      paths.length = 0;
      answered.clear();
      behaviour = initial;
      stallUntil = 0;
    },
    async close() {
      for (const res of held) {
        res.destroy();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
