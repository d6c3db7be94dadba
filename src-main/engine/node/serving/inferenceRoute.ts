/**
 * The path every inference request takes, whatever its endpoint (`/predict`, OIP infer): refused
 * while the server stops, its body parsed at the door, queued for a batch, answered, counted.
 * An endpoint says only how its body parses, which outputs it wants and how its answer reads.
 */
import type { Clock } from '../../common/ports/clock';
import type { BatchOutcome } from '../../common/serving/batcher';
import { nonFiniteOutput } from '../../common/serving/nonFiniteOutput';
import type { RowBlock } from '../../common/serving/rowBlock';
import type { FaultInjector } from './faultInjector';
import { sendJson } from './http/httpMessages';
import { readJsonRequest, refusalBody, type BodyParser, type Refusal } from './http/requestBody';
import type { Handler } from './http/routeTable';
import type { LiveObserver } from './liveMetrics';
import type { Endpoint, Outcome, ServerMetrics } from './metrics';
import type { JobResult, ModelBatcher } from './modelBatches';

/** Whether the server still takes requests (false once it is stopping). */
export interface ServingState {
  readonly accepting: boolean;
}

/** What inference routes share. */
export interface InferencePath {
  readonly clock: Clock;
  readonly batcher: ModelBatcher;
  readonly faults: FaultInjector;
  readonly live: LiveObserver;
  readonly metrics: ServerMetrics;
  readonly timeoutMs: number;
  readonly state: ServingState;
  /** The output the scores are read from, to name it when the model answers NaN. */
  readonly scoreOutput: string;
}

/** One inference endpoint: how its body parses, what it asks the model for, how it answers. */
export interface InferenceEndpoint<T extends { readonly block: RowBlock }> {
  readonly endpoint: Endpoint;
  readonly parse: BodyParser<T>;
  outputsOf(request: T): readonly string[] | null;
  answer(request: T, done: JobResult): unknown;
}

/** An answer with the outcome it is counted as. */
interface InferenceAnswer {
  readonly status: number;
  readonly outcome: Outcome;
  readonly body: unknown;
}

const STOPPING: InferenceAnswer = { status: 503, outcome: 'unavailable', body: { error: 'the server is stopping' } };

/** The handler of one inference endpoint. */
export function inferenceRoute<T extends { readonly block: RowBlock }>(path: InferencePath, endpoint: InferenceEndpoint<T>): Handler {
  return async ({ request, response }) => {
    const started = path.clock.monotonic();
    const reply = ({ status, outcome, body }: InferenceAnswer): void => {
      sendJson(response, status, body);
      const labels = { endpoint: endpoint.endpoint, outcome };
      path.metrics.requests.inc(labels);
      path.metrics.requestDuration.observe(labels, (path.clock.monotonic() - started) / 1000);
      if (outcome === 'timeout') {
        path.metrics.timeouts.inc({ endpoint: endpoint.endpoint });
      }
    };
    if (!path.state.accepting) {
      return reply(STOPPING);
    }
    const read = await readJsonRequest(request, endpoint.parse);
    if (!read.ok) {
      return reply(refused(read.refusal, path.live));
    }
    path.faults.arrive();
    const job = { block: read.value.block, outputs: endpoint.outputsOf(read.value) };
    const outcome = await path.batcher.submit(job, job.block.rows);
    reply(answered(outcome, path, job.block.rows, (done) => endpoint.answer(read.value, done)));
  };
}

/** A bad request, also counted against the features that read its field. */
function refused(refusal: Refusal, live: LiveObserver): InferenceAnswer {
  if (refusal.problem !== null) {
    live.refused(refusal.problem.field);
  }
  return { status: refusal.status, outcome: 'bad_request', body: refusalBody(refusal) };
}

/** What became of a queued request of `rows` rows, as its answer; `answer` writes the model's answer of a request that ran. */
function answered(outcome: BatchOutcome<JobResult>, path: InferencePath, rows: number, answer: (done: JobResult) => unknown): InferenceAnswer {
  switch (outcome.kind) {
    case 'timeout':
      return { status: 504, outcome: 'timeout', body: { error: `timed out: no answer within ${path.timeoutMs} ms (queue and inference)` } };
    case 'failed':
      return path.state.accepting
        ? { status: 500, outcome: 'error', body: { error: outcome.message } }
        : { status: 503, outcome: 'unavailable', body: { error: outcome.message } };
    case 'done': {
      if (path.faults.drawError()) {
        return { status: 500, outcome: 'error', body: { error: `injected fault: error rate ${path.faults.faults.errorRate}` } };
      }
      const nonFinite = nonFiniteOutput(outcome.result.result, outcome.result.start, rows, path.scoreOutput);
      return nonFinite === null ? { status: 200, outcome: 'ok', body: answer(outcome.result) } : { status: 500, outcome: 'error', body: { error: nonFinite } };
    }
  }
}
