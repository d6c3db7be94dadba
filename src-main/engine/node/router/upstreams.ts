/**
 * The router's side of its upstreams (blue, green, blue's twin): one request forwarded as it came,
 * over a keep-alive agent, and its answer read whole. Every failure becomes an answer (502, or 504
 * past the timeout), so a side that is down is recorded, never thrown.
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { UpstreamAnswer } from '../../common/ports/rolloutRig';
import type { Upstream } from '../../common/rollout/routing';
import { answerOutcome, predictionOf } from './upstreamAnswer';

/**
 * Headers not passed on: hop-by-hop, the length the body is sent with anew, and the client's
 * Origin (the router admitted it as its own; upstream, the request is the router's, and a model
 * server refuses an Origin not its own).
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'host',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
  'origin',
]);

/** A side's answer: as recorded, and as it is passed back to the client. */
export interface Forwarded {
  readonly answer: UpstreamAnswer;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** One request as it goes upstream. */
export interface Outgoing {
  readonly method: string;
  /** Path and query as the client sent them. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** The upstreams of one router. */
export interface Upstreams {
  forward(target: Upstream, outgoing: Outgoing): Promise<Forwarded>;
  close(): void;
}

/** Upstreams at these base URLs (null: not configured); an answer slower than `timeoutMs` is a 504. */
export function upstreams(bases: Readonly<Record<Upstream, string | null>>, timeoutMs: number): Upstreams {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return {
    forward: (target, outgoing) => forward(agent, target, bases[target]!, outgoing, timeoutMs),
    close: () => agent.destroy(),
  };
}

/** The headers of `headers` a hop passes on. */
export function endToEnd(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const passed: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) {
      passed[name] = value;
    }
  }
  return passed;
}

function forward(agent: Agent, target: Upstream, base: string, outgoing: Outgoing, timeoutMs: number): Promise<Forwarded> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (status: number, headers: IncomingHttpHeaders, body: Buffer): void => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      const answer: UpstreamAnswer = {
        status,
        outcome: answerOutcome(status),
        ms: performance.now() - started,
        prediction: status === 200 ? predictionOf(body) : null,
      };
      resolve({ answer, headers, body });
    };
    const failure = (status: number, message: string): void =>
      finish(status, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ error: message })));
    const headers = { ...endToEnd(outgoing.headers), 'content-length': String(outgoing.body.length) };
    const request = httpRequest(`${base}${outgoing.url}`, { method: outgoing.method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => finish(response.statusCode ?? 502, response.headers, Buffer.concat(chunks)));
      response.on('error', (error) => failure(502, `${target} answered with a broken body: ${error.message}`));
    });
    const timer = setTimeout(() => {
      failure(504, `${target} did not answer within ${timeoutMs} ms`);
      request.destroy();
    }, timeoutMs);
    request.on('error', (error) => failure(502, `${target} did not answer: ${error.message}`));
    request.end(outgoing.body);
  });
}
