/** Real model servers on 127.0.0.1 for tests: started as the embedded backend, stopped after each file. */
import { afterAll } from 'vitest';
import type { ServerEvent } from '../../src-main/engine/node/serving/embeddedServer';
import { startEmbeddedServer, type EmbeddedServer } from '../../src-main/engine/node/serving/embeddedServer';
import { serverOptions, type ServerOptions } from '../../src-main/engine/node/serving/serverOptions';

/** A started server with the events and log lines it wrote. */
export interface TestServer extends EmbeddedServer {
  readonly events: ServerEvent[];
  readonly log: string[];
}

const running: EmbeddedServer[] = [];
afterAll(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

/** Starts a server on a free port; it is stopped when the test file ends. */
export async function startTestServer(model: string, overrides: Partial<Omit<ServerOptions, 'model'>> = {}): Promise<TestServer> {
  const events: ServerEvent[] = [];
  const log: string[] = [];
  const server = await startEmbeddedServer(serverOptions(model, overrides), { onEvent: (e) => events.push(e), onLog: (l) => log.push(l) });
  running.push(server);
  return { ...server, events, log };
}

/** A JSON answer. */
export interface Answer {
  readonly status: number;
  readonly json: unknown;
}

/** POSTs `body` (JSON unless a string is given). */
export async function post(url: string, body: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.status, json: await response.json() };
}

/** GETs JSON. */
export async function get(url: string): Promise<Answer> {
  const response = await fetch(url);
  return { status: response.status, json: await response.json() };
}

/** The value of one sample of the Prometheus text, e.g. `model_server_requests_total{endpoint="predict",outcome="ok"}`. */
export function metricValue(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}
