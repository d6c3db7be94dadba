/**
 * The model server: a real HTTP server on 127.0.0.1 speaking the Open Inference
 * Protocol and raw-record `/predict`, with a dynamic batcher in front of a model that runs off
 * this event loop, Prometheus metrics, and fault injection changeable through a local admin
 * endpoint. Routes:
 *
 *   GET  /v2/health/live, /v2/health/ready, /v2, /v2/models/{name}[/versions/{v}][/ready]
 *   POST /v2/models/{name}[/versions/{v}]/infer     tensors in the model's layout
 *   POST /v2/repository/index                       the models served (Triton's repository API)
 *   POST /predict                                   raw record(s) or numbers in input order
 *   GET  /metrics                                   Prometheus text format
 *   GET|PUT|DELETE /admin/faults                    loopback peers only
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerFaults } from '../../../contract/events';
import type { ReferenceProfile } from '../../common/model/referenceProfile';
import type { Clock } from '../../common/ports/clock';
import type { Scheduler } from '../../common/ports/scheduler';
import { NO_FAULTS, serverFaultsSchema } from '../../common/scenario/sections/faults';
import { predictAnswers } from '../../common/serving/answers';
import { dynamicBatcher, type BatcherOptions, type BatchOutcome } from '../../common/serving/batcher';
import { inferResponse, modelMetadata, parseInfer } from '../../common/serving/openInference';
import { parsePredict } from '../../common/serving/predictRequest';
import { problemMessage, problemOfIssue, type RequestParse, type RequestProblem } from '../../common/serving/requestProblem';
import { stackBlocks, type BatchResult, type ModelRunner, type RowBlock } from '../../common/serving/rowBlock';
import type { ServedModel } from '../../common/serving/servedModel';
import { faultInjector, type FaultEffects, type FaultInjector } from './faultInjector';
import { BodyError, isLoopback, readBody, sendJson } from './httpMessages';
import { listenOnLoopback } from './loopbackServer';
import { liveMetrics } from './liveMetrics';
import { serverMetrics, type Endpoint, type Outcome, type ServerMetrics } from './metrics';

/** How the server listens and batches. */
export interface ModelServerOptions extends BatcherOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly faults: ServerFaults;
  /** For the `model_server_info` metric. */
  readonly executionProvider: string;
  /** The training window's profile: with it, layers 2 and 3 are live metrics. */
  readonly reference?: ReferenceProfile | null;
}

/** What the server needs from its process. */
export type ServerEffects = Omit<FaultEffects, 'metrics' | 'clock' | 'scheduler'> & { readonly clock: Clock; readonly scheduler: Scheduler };

/** A running server. */
export interface ModelServer {
  readonly url: string;
  readonly metrics: ServerMetrics;
  readonly faults: FaultInjector;
  /** Stops taking requests, answers those queued as unavailable, closes connections. */
  close(): Promise<void>;
}

interface Job {
  readonly block: RowBlock;
  /** Output tensors to return (OIP), or null for scores only. */
  readonly outputs: readonly string[] | null;
}

interface JobResult {
  readonly result: BatchResult;
  readonly start: number;
}

const MODEL_PATH = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(\/ready|\/infer)?$/;

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function startModelServer(model: ServedModel, runner: ModelRunner, options: ModelServerOptions, effects: ServerEffects): Promise<ModelServer> {
  const { clock, scheduler } = effects;
  const metrics = serverMetrics();
  metrics.info.set({ model: model.name, version: model.version, execution_provider: options.executionProvider }, 1);
  const faults = faultInjector({ ...effects, metrics }, options.faults);
  const live = liveMetrics(metrics.registry, model, options.reference ?? null);
  if (live.layer2Off !== null) {
    effects.log(`live data-quality metrics (layer 2) off: ${live.layer2Off}`);
  }
  let accepting = true;

  const execute = async (jobs: readonly Job[]): Promise<JobResult[]> => {
    const started = clock.monotonic();
    await faults.beforeBatch();
    const wanted = jobs.some((j) => j.outputs !== null) ? [...new Set(jobs.flatMap((j) => j.outputs ?? []))] : null;
    const batch = stackBlocks(jobs.map((j) => j.block));
    const inputs = live.capture(batch);
    const result = await runner.run(batch, wanted);
    metrics.inferenceDuration.observe((clock.monotonic() - started) / 1000);
    live.observe(inputs, result.scores);
    let start = 0;
    return jobs.map((job) => {
      const at = start;
      start += job.block.rows;
      return { result, start: at };
    });
  };
  const batcher = dynamicBatcher<Job, JobResult>(options, clock, scheduler, execute, {
    onDidChangeQueue: (requests) => metrics.queueDepth.set(requests),
    onDidDispatch: (rows, waited) => {
      metrics.batchSize.observe(rows);
      for (const ms of waited) {
        metrics.queueWait.observe(ms / 1000);
      }
    },
  });

  /** Parses, queues, answers, counts: the path every inference request takes. */
  const infer = async <T extends { block: RowBlock }>(
    endpoint: Endpoint,
    request: IncomingMessage,
    response: ServerResponse,
    parse: (json: unknown) => RequestParse<T>,
    outputsOf: (value: T) => readonly string[] | null,
    answer: (value: T, done: JobResult) => unknown,
  ): Promise<void> => {
    const started = clock.monotonic();
    const finish = (status: number, outcome: Outcome, value: unknown): void => {
      sendJson(response, status, value);
      const seconds = (clock.monotonic() - started) / 1000;
      metrics.requests.inc({ endpoint, outcome });
      metrics.requestDuration.observe({ endpoint, outcome }, seconds);
    };
    const bad = (problem: RequestProblem): void => {
      live.refused(problem.field);
      finish(400, 'bad_request', { error: problemMessage(problem), field: problem.field, expected: problem.expected });
    };
    if (!accepting) {
      finish(503, 'unavailable', { error: 'the server is stopping' });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(await readBody(request));
    } catch (error) {
      if (error instanceof BodyError) {
        finish(error.status, 'bad_request', { error: error.message });
      } else {
        bad({ field: '', expected: `expected a JSON body (${error instanceof Error ? error.message : String(error)})` });
      }
      return;
    }
    const parsed = parse(json);
    if (!parsed.ok) {
      bad(parsed.problem);
      return;
    }
    faults.arrive();
    const outcome: BatchOutcome<JobResult> = await batcher.submit({ block: parsed.value.block, outputs: outputsOf(parsed.value) }, parsed.value.block.rows);
    switch (outcome.kind) {
      case 'timeout':
        metrics.timeouts.inc({ endpoint });
        finish(504, 'timeout', { error: `timed out: no answer within ${options.timeoutMs} ms (queue and inference)` });
        return;
      case 'failed':
        finish(accepting ? 500 : 503, accepting ? 'error' : 'unavailable', { error: outcome.message });
        return;
      case 'done':
        if (faults.drawError()) {
          finish(500, 'error', { error: `injected fault: error rate ${faults.faults.errorRate}` });
          return;
        }
        finish(200, 'ok', answer(parsed.value, outcome.result));
    }
  };

  const admin = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!isLoopback(request.socket.remoteAddress)) {
      sendJson(response, 403, { error: 'the admin endpoint answers loopback peers only' });
      return;
    }
    if (request.method === 'GET') {
      sendJson(response, 200, { faults: faults.faults, requests: faults.requests });
    } else if (request.method === 'DELETE') {
      faults.set(NO_FAULTS, 'admin');
      sendJson(response, 200, { faults: faults.faults });
    } else if (request.method === 'PUT') {
      let json: unknown;
      try {
        json = JSON.parse(await readBody(request));
      } catch (error) {
        sendJson(response, 400, { error: `expected a JSON body of faults (${error instanceof Error ? error.message : String(error)})` });
        return;
      }
      const parsed = serverFaultsSchema.safeParse(json);
      if (!parsed.success) {
        const problem = problemOfIssue(parsed.error.issues[0]!);
        sendJson(response, 400, { error: problemMessage(problem), field: problem.field, expected: problem.expected });
        return;
      }
      faults.set(parsed.data, 'admin');
      sendJson(response, 200, { faults: faults.faults });
    } else {
      sendJson(response, 405, { error: `${request.method} /admin/faults: expected GET, PUT or DELETE` });
    }
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0]!;
    const method = request.method ?? 'GET';
    if (method === 'POST' && path === '/predict') {
      return infer(
        'predict',
        request,
        response,
        (json) => parsePredict(json, model),
        () => null,
        (value, done) => {
          const answers = predictAnswers(done.result.scores, done.start, value.block.rows, model.version);
          return value.many ? { predictions: answers } : answers[0];
        },
      );
    }
    if (method === 'POST' && path === '/v2/repository/index') {
      // Triton's model repository index: how a load generator finds the model name without being told.
      sendJson(response, 200, [{ name: model.name, version: model.version, state: accepting ? 'READY' : 'UNAVAILABLE' }]);
      return;
    }
    const modelPath = MODEL_PATH.exec(path);
    if (modelPath) {
      const [, name, , tail] = modelPath;
      if (decodeURIComponent(name!) !== model.name) {
        sendJson(response, 404, { error: `model "${decodeURIComponent(name!)}" not found; this server serves "${model.name}"` });
        return;
      }
      if (tail === '/infer' && method === 'POST') {
        return infer(
          'infer',
          request,
          response,
          (json) => parseInfer(json, model),
          (value) => value.outputs,
          (value, done) => inferResponse(model, value, done.result.outputs!, done.start),
        );
      }
      if (method === 'GET' && tail === '/ready') {
        sendJson(response, accepting ? 200 : 503, { name: model.name, ready: accepting });
        return;
      }
      if (method === 'GET' && tail === undefined) {
        sendJson(response, 200, modelMetadata(model));
        return;
      }
      sendJson(response, 405, { error: `${method} ${path}: expected ${tail === '/infer' ? 'POST' : 'GET'}` });
      return;
    }
    if (method === 'GET') {
      switch (path) {
        case '/v2/health/live':
          sendJson(response, 200, { live: true });
          return;
        case '/v2/health/ready':
          sendJson(response, accepting ? 200 : 503, { ready: accepting });
          return;
        case '/v2':
          sendJson(response, 200, { name: 'rehearsal-model-server', version: '1', extensions: [] });
          return;
        case '/metrics': {
          const text = await metrics.registry.metrics();
          response.writeHead(200, { 'content-type': metrics.registry.contentType, 'content-length': Buffer.byteLength(text) });
          response.end(text);
          return;
        }
      }
    }
    if (path === '/admin/faults') {
      return admin(request, response);
    }
    sendJson(response, 404, {
      error: `no route for ${method} ${path}; expected POST /predict, POST /v2/models/${model.name}/infer, GET /v2/health/ready, GET /metrics`,
    });
  };

  const { server, url } = await listenOnLoopback(options.port, route);

  return {
    url,
    metrics,
    faults,
    async close() {
      accepting = false;
      batcher.close('the server is stopping');
      faults.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Requests in a running batch get their answer or their timeout; then every socket goes.
      const deadline = new Promise<void>((resolve) => scheduler.schedule(options.timeoutMs + 50, resolve));
      await Promise.race([closed, deadline]);
      server.closeAllConnections();
      await closed;
    },
  };
}
