/**
 * The blue/green router: a real HTTP server on 127.0.0.1 in front of blue's and green's
 * model servers (and blue's twin). Every request is forwarded as it came (raw records, OIP,
 * health) to the side the pure routing decision picks: the header override, the weights, a sticky
 * key, shadow mode; copies go to green in shadow mode and, with comparison on (Diffy), to blue's
 * twin for every request and to blue for each request green served (`copiesOf`), their answers
 * recorded and never returned. `/admin` is
 * never forwarded; the router's own admin is under `/router/`, loopback peers only:
 *
 *   GET /router/policy      the policy in force
 *   PUT /router/weights     {"green": 10, "reason": "step 1"}: every change is a `router.weights` event
 *   GET /router/records     the finished requests since the last call (served answer and copies)
 *
 * Answers carry `x-rollout-side`, `x-rollout-reason` and `x-rollout-upstream-ms`, so a client
 * knows who answered and how long the side took.
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { RouterPolicyInfo, RouterWeights, RouteWeights } from '../../../contract/events';
import type { UpstreamAnswer } from '../../common/ports/rolloutRig';
import { seededRng } from '../../common/rng/seededRng';
import { copiesOf, route, weightsFor, type Upstream } from '../../common/rollout/routing';
import { BodyError, isLoopback, readBodyBuffer, sendJson } from '../serving/httpMessages';
import { listenOnLoopback } from '../serving/loopbackServer';
import type { RouterOptions } from './routerOptions';
import { answerOutcome, predictionOf } from './upstreamAnswer';

/** One finished request as the router saw it. */
export interface RouterRecord {
  readonly id: string;
  readonly side: 'blue' | 'green';
  readonly reason: 'header' | 'shadow' | 'sticky' | 'weight';
  readonly served: UpstreamAnswer;
  readonly copies: Partial<Record<Upstream, UpstreamAnswer>>;
}

/** A running router. */
export interface RouterServer {
  readonly url: string;
  readonly policy: () => RouterPolicyInfo;
  close(): Promise<void>;
}

/** Finished records kept for `/router/records`; older ones are dropped past this. */
const MAX_RECORDS = 200_000;
/** Headers not passed on: hop-by-hop, and the length the body is sent with anew. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'upgrade', 'proxy-connection', 'te', 'trailer']);

const weightsBody = z.strictObject({ green: z.number().int().min(0).max(100), reason: z.string().min(1).max(500) });

/** Starts the router on 127.0.0.1; `emit` hears each weight change. */
export async function startRouter(options: RouterOptions, emit: (event: RouterWeights) => void): Promise<RouterServer> {
  const upstreams: Record<Upstream, string | null> = { blue: options.blue, green: options.green, twin: options.twin };
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const rng = seededRng(options.seed);
  let weights: RouteWeights = weightsFor(options.greenWeight);
  const records: RouterRecord[] = [];
  let sequence = 0;
  const policy = (): RouterPolicyInfo => ({
    weights,
    header: { name: options.headerName, greenValue: options.headerValue },
    stickyHeader: options.stickyHeader,
    shadow: options.shadow,
    compare: options.compare,
  });

  /** Sends one request upstream; every failure becomes an answer (502, or 504 past the timeout). */
  const forward = (
    target: Upstream,
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ): Promise<{ answer: UpstreamAnswer; headers: IncomingHttpHeaders; body: Buffer }> => {
    const base = upstreams[target]!;
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (status: number, responseHeaders: IncomingHttpHeaders, responseBody: Buffer): void => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        const outcome = answerOutcome(status);
        resolve({
          answer: { status, outcome, ms: performance.now() - started, prediction: status === 200 ? predictionOf(responseBody) : null },
          headers: responseHeaders,
          body: responseBody,
        });
      };
      const failure = (status: number, message: string): void =>
        finish(status, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ error: message })));
      const passed: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) {
          passed[name] = value;
        }
      }
      passed['content-length'] = String(body.length);
      const outgoing = httpRequest(`${base}${path}`, { method, headers: passed, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => finish(response.statusCode ?? 502, response.headers, Buffer.concat(chunks)));
        response.on('error', (error) => failure(502, `${target} answered with a broken body: ${error.message}`));
      });
      const timer = setTimeout(() => {
        failure(504, `${target} did not answer within ${options.timeoutMs} ms`);
        outgoing.destroy();
      }, options.timeoutMs);
      outgoing.on('error', (error) => failure(502, `${target} did not answer: ${error.message}`));
      outgoing.end(body);
    });
  };

  const admin = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<void> => {
    if (!isLoopback(request.socket.remoteAddress)) {
      sendJson(response, 403, { error: 'the router admin answers loopback peers only' });
      return;
    }
    const method = request.method ?? 'GET';
    if (path === '/router/policy' && method === 'GET') {
      sendJson(response, 200, { policy: policy(), restart: options.restart });
    } else if (path === '/router/records' && method === 'GET') {
      sendJson(response, 200, { records: records.splice(0) });
    } else if (path === '/router/weights' && method === 'PUT') {
      let parsed;
      try {
        parsed = weightsBody.safeParse(JSON.parse((await readBodyBuffer(request)).toString('utf8')));
      } catch (error) {
        sendJson(response, 400, {
          error: `expected a JSON body {"green": 0-100, "reason": "..."} (${error instanceof Error ? error.message : String(error)})`,
        });
        return;
      }
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        sendJson(response, 400, { error: `${issue.path.join('.') || 'body'}: ${issue.message}`, expected: '{"green": a whole number 0-100, "reason": "why"}' });
        return;
      }
      const previous = weights;
      weights = weightsFor(parsed.data.green);
      emit({ kind: 'router.weights', weights, previous, reason: parsed.data.reason });
      sendJson(response, 200, { weights, previous });
    } else {
      sendJson(response, 404, { error: `no router admin route ${method} ${path}; expected GET /router/policy, PUT /router/weights, GET /router/records` });
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = request.url ?? '/';
    const path = url.split('?')[0]!;
    if (path.startsWith('/router/')) {
      return admin(request, response, path);
    }
    if (path === '/admin' || path.startsWith('/admin/')) {
      // A model server's admin (its faults) is for the rehearsal, never for traffic through the router.
      sendJson(response, 403, { error: "the router does not forward /admin; a model server's admin answers on its own port, to loopback peers" });
      return;
    }
    let body: Buffer;
    try {
      body = await readBodyBuffer(request);
    } catch (error) {
      sendJson(response, error instanceof BodyError ? error.status : 400, { error: error instanceof Error ? error.message : String(error) });
      return;
    }
    const id = headerValue(request.headers['x-request-id']) ?? `r${++sequence}`;
    const key = options.stickyHeader === null ? null : (headerValue(request.headers[options.stickyHeader]) ?? null);
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      headers[name] = headerValue(value);
    }
    const decision = route({ ...policy(), sticky: options.stickyHeader !== null }, { headers, key, draw: rng.next() });
    const method = request.method ?? 'GET';
    const copies = copiesOf(decision, options.compare, options.twin !== null).map((u) =>
      forward(u, method, url, request.headers, body).then((r) => [u, r.answer] as const),
    );
    const served = await forward(decision.target, method, url, request.headers, body);
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(served.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) {
        out[name] = value;
      }
    }
    response.writeHead(served.answer.status, {
      ...out,
      'content-length': String(served.body.length),
      'x-request-id': id,
      'x-rollout-side': decision.target,
      'x-rollout-reason': decision.reason,
      'x-rollout-upstream-ms': served.answer.ms.toFixed(3),
    });
    response.end(served.body);
    const copied = Object.fromEntries(await Promise.all(copies)) as Partial<Record<Upstream, UpstreamAnswer>>;
    if (records.length >= MAX_RECORDS) {
      records.shift();
    }
    records.push({ id, side: decision.target, reason: decision.reason, served: served.answer, copies: copied });
  };

  const { server, url } = await listenOnLoopback(options.port, handle);
  return {
    url,
    policy,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      server.closeAllConnections();
      agent.destroy();
      await closed;
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
