/**
 * From queued requests to a batch the model runs and back: the dynamic batcher in front of the
 * model runner (the inference worker), with the faults that hold a batch, the live metrics that
 * see its inputs and scores, and the batch metrics. How a batch is handed to the worker and how
 * its result comes back is decided here and in `workerRunner.ts`, nowhere else.
 */
import type { Clock } from '../../common/ports/clock';
import type { Scheduler } from '../../common/ports/scheduler';
import { dynamicBatcher, type BatcherOptions, type DynamicBatcher } from '../../common/serving/batcher';
import { stackBlocks, type BatchResult, type ModelRunner, type RowBlock } from '../../common/serving/rowBlock';
import type { FaultInjector } from './faultInjector';
import type { LiveObserver } from './liveMetrics';
import type { ServerMetrics } from './metrics';

/** One request's rows on their way to the model. */
export interface Job {
  readonly block: RowBlock;
  /** Output tensors to return (OIP), or null for scores only. */
  readonly outputs: readonly string[] | null;
}

/** The batch a request ran in, and where its rows start in it. */
export interface JobResult {
  readonly result: BatchResult;
  readonly start: number;
}

/** The batcher of a model server. */
export type ModelBatcher = DynamicBatcher<Job, JobResult>;

/** What a batch passes on its way. */
export interface BatchStages {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly faults: FaultInjector;
  readonly live: LiveObserver;
  readonly metrics: ServerMetrics;
}

/** A batcher whose batches run through `runner`, observed by the server's metrics. */
export function modelBatcher(runner: ModelRunner, options: BatcherOptions, stages: BatchStages): ModelBatcher {
  const { metrics } = stages;
  return dynamicBatcher<Job, JobResult>(options, stages.clock, stages.scheduler, (jobs) => runBatch(runner, jobs, stages), {
    onDidChangeQueue: (requests) => metrics.queueDepth.set(requests),
    onDidDispatch: (rows, waited) => {
      metrics.batchSize.observe(rows);
      for (const ms of waited) {
        metrics.queueWait.observe(ms / 1000);
      }
    },
  });
}

/** Runs one batch: held as the faults say, stacked, run, observed, and cut back into each job's rows. */
async function runBatch(runner: ModelRunner, jobs: readonly Job[], stages: BatchStages): Promise<JobResult[]> {
  const { clock, faults, live, metrics } = stages;
  const started = clock.monotonic();
  await faults.beforeBatch();
  const wanted = jobs.some((j) => j.outputs !== null) ? [...new Set(jobs.flatMap((j) => j.outputs ?? []))] : null;
  const batch = stackBlocks(jobs.map((j) => j.block));
  // The inputs are copied before the batch goes to the worker, which takes its buffers.
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
}
