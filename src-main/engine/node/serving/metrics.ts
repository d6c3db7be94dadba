/**
 * The model server's Prometheus metrics: one prom-client registry a process, base
 * units (seconds, bytes), names under `model_server_`. Four-layer monitoring adds its data-quality
 * and prediction metrics to this same registry. `/metrics` must pass `promtool check metrics`:
 * prom-client's default metrics include three gauges named `*_total`, which promtool rejects
 * (a `_total` suffix is for counters); they are dropped, their per-type gauges without the
 * suffix carry the same counts.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRICS } from '../../common/monitoring/metricNames';

/** Latency buckets in seconds, from 100 us: a bare run of a small model takes tens of microseconds. */
export const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
const MISNAMED_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

/** Which endpoint a request came through. */
export type Endpoint = 'predict' | 'infer';

/** How a request ended. */
export type Outcome = 'ok' | 'bad_request' | 'error' | 'timeout' | 'unavailable';

/** The server's metrics. */
export interface ServerMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'endpoint' | 'outcome'>;
  readonly requestDuration: Histogram<'endpoint' | 'outcome'>;
  readonly timeouts: Counter<'endpoint'>;
  readonly queueDepth: Gauge;
  readonly queueWait: Histogram;
  readonly batchSize: Histogram;
  readonly inferenceDuration: Histogram;
  readonly faultActive: Gauge<'fault'>;
  readonly leakedBytes: Gauge<'space'>;
  readonly info: Gauge<'model' | 'version' | 'execution_provider'>;
}

/** A fresh registry with the default process metrics and the server's own. */
export function serverMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of MISNAMED_DEFAULTS) {
    registry.removeSingleMetric(name);
  }
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: METRICS.requests,
      help: 'Inference requests by endpoint and outcome (ok, bad_request, error, timeout, unavailable).',
      labelNames: ['endpoint', 'outcome'],
      registers,
    }),
    requestDuration: new Histogram({
      name: METRICS.requestDuration,
      help: 'Time from a request being read to its answer being written, in seconds.',
      labelNames: ['endpoint', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    timeouts: new Counter({
      name: METRICS.timeouts,
      help: 'Requests answered with a timeout because queue and inference took longer than the timeout.',
      labelNames: ['endpoint'],
      registers,
    }),
    queueDepth: new Gauge({ name: METRICS.queueDepth, help: 'Requests waiting for a batch (not counting the batch that runs).', registers }),
    queueWait: new Histogram({
      name: 'model_server_queue_wait_seconds',
      help: 'Time a request waited in the queue before its batch ran, in seconds.',
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    batchSize: new Histogram({ name: METRICS.batchSize, help: 'Rows per batch run through the model.', buckets: BATCH_BUCKETS, registers }),
    inferenceDuration: new Histogram({
      name: 'model_server_inference_duration_seconds',
      help: 'Time to run one batch in the inference worker, in seconds (with any injected latency).',
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    faultActive: new Gauge({ name: 'model_server_fault_active', help: 'Injected faults in force (1) or off (0), by fault.', labelNames: ['fault'], registers }),
    leakedBytes: new Gauge({
      name: 'model_server_fault_leaked_bytes',
      help: 'Memory kept by the memory-growth fault, in bytes.',
      labelNames: ['space'],
      registers,
    }),
    info: new Gauge({
      name: 'model_server_info',
      help: 'The model served: name, version, execution provider (value 1).',
      labelNames: ['model', 'version', 'execution_provider'],
      registers,
    }),
  };
}
