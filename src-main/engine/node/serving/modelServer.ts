/**
 * The model server: a real HTTP server on 127.0.0.1 speaking the Open Inference
 * Protocol and raw-record `/predict`, with a dynamic batcher in front of a model that runs off
 * this event loop, Prometheus metrics, and fault injection changeable through a local admin
 * endpoint. This file is its lifecycle: assemble the parts, listen, drain and stop. The routes
 * are in `modelRoutes.ts`, the path of an inference request in `inferenceRoute.ts`, batches in
 * `modelBatches.ts`, and the HTTP pipeline both servers share (route table, admission, parsing
 * at the door) in `http/`.
 */
import type { ServerFaults } from '../../../contract/events';
import type { ReferenceProfile } from '../../common/model/referenceProfile';
import type { Clock } from '../../common/ports/clock';
import type { Scheduler } from '../../common/ports/scheduler';
import type { BatcherOptions } from '../../common/serving/batcher';
import type { ModelRunner } from '../../common/serving/rowBlock';
import type { ServedModel } from '../../common/serving/servedModel';
import { pickProbabilityOutput } from '../ort/ortInference';
import { faultInjector, type FaultEffects, type FaultInjector } from './faultInjector';
import { drainServer, listenOnLoopback } from './http/loopbackServer';
import { routeTable } from './http/routeTable';
import { liveMetrics } from './liveMetrics';
import { serverMetrics, type ServerMetrics } from './metrics';
import { modelBatcher } from './modelBatches';
import { modelServerRoutes } from './modelRoutes';

/** How the server listens and batches. */
export interface ModelServerOptions extends BatcherOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly faults: ServerFaults;
  /** For the `model_server_info` metric. */
  readonly executionProvider: string;
  /** The training window's profile: with it, layers 2 and 3 are live metrics. */
  readonly reference?: ReferenceProfile | null;
  /** Hosts it answers beside 127.0.0.1 and localhost (none unless said). */
  readonly allowedHosts?: readonly string[];
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
  const state = { accepting: true };
  const batcher = modelBatcher(runner, options, { clock, scheduler, faults, live, metrics });
  const scoreOutput = pickProbabilityOutput(model.outputs).name;
  const { routes, notFound } = modelServerRoutes(model, { clock, batcher, faults, live, metrics, timeoutMs: options.timeoutMs, state, scoreOutput });
  const { server, url } = await listenOnLoopback(options.port, routeTable(routes, notFound, { allowedHosts: options.allowedHosts ?? [] }));
  return {
    url,
    metrics,
    faults,
    async close() {
      state.accepting = false;
      batcher.close('the server is stopping');
      faults.close();
      // Requests in a running batch get their answer or their timeout; then every socket goes.
      await drainServer(server, new Promise<void>((resolve) => scheduler.schedule(options.timeoutMs + 50, resolve)));
    },
  };
}
