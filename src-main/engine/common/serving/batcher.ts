/**
 * The dynamic batcher, after Triton's: requests queue until their rows reach
 * `maxBatch` or the oldest has waited `maxQueueDelayMs`, then run as one batch. One batch runs
 * at a time (the server has one model instance); requests arriving meanwhile queue. A request
 * past `timeoutMs` since it arrived is answered with a timeout whether it is still queued or in a
 * batch that never returns, so no request hangs. Pure: time and timers are injected.
 */
import type { Clock } from '../ports/clock';
import type { Scheduler } from '../ports/scheduler';

/** How batches form. */
export interface BatcherOptions {
  /** Most rows in one batch; a request carrying more rows runs alone. */
  readonly maxBatch: number;
  readonly maxQueueDelayMs: number;
  /** From arrival to answer. */
  readonly timeoutMs: number;
}

/** What became of one request. */
export type BatchOutcome<R> =
  { readonly kind: 'done'; readonly result: R } | { readonly kind: 'timeout' } | { readonly kind: 'failed'; readonly message: string };

/** What the batcher reports as it works (metrics hang off these). */
export interface BatcherObserver {
  /** Called whenever the queue changes. */
  onDidChangeQueue?(requests: number, rows: number): void;
  /** A batch was dispatched: its rows, its requests, and how long each request had queued (ms). */
  onDidDispatch?(rows: number, waitedMs: readonly number[]): void;
  /** A batch finished (or failed) after `ms`. */
  onDidFinishBatch?(rows: number, ms: number): void;
}

/** Runs one batch: one result per payload, in order. */
export type BatchExecutor<P, R> = (payloads: readonly P[]) => Promise<readonly R[]>;

/** A request queue that forms batches. */
export interface DynamicBatcher<P, R> {
  submit(payload: P, rows: number): Promise<BatchOutcome<R>>;
  /** Requests and rows waiting (not those in the running batch). */
  readonly queued: { readonly requests: number; readonly rows: number };
  /** True while a batch runs. */
  readonly busy: boolean;
  /** Answers every queued request `failed` with the reason and refuses new ones. */
  close(reason: string): void;
}

interface Entry<P, R> {
  readonly payload: P;
  readonly rows: number;
  readonly arrived: number;
  settled: boolean;
  cancelTimeout: () => void;
  resolve(outcome: BatchOutcome<R>): void;
}

/** A batcher running `execute` on batches it forms. */
export function dynamicBatcher<P, R>(
  options: BatcherOptions,
  clock: Clock,
  scheduler: Scheduler,
  execute: BatchExecutor<P, R>,
  observer: BatcherObserver = {},
): DynamicBatcher<P, R> {
  const queue: Entry<P, R>[] = [];
  let queuedRows = 0;
  let busy = false;
  let closedReason: string | null = null;
  let cancelDelay: (() => void) | null = null;

  const changed = (): void => observer.onDidChangeQueue?.(queue.length, queuedRows);

  const settle = (entry: Entry<P, R>, outcome: BatchOutcome<R>): void => {
    if (entry.settled) {
      return;
    }
    entry.settled = true;
    entry.cancelTimeout();
    entry.resolve(outcome);
  };

  const pump = (): void => {
    if (busy || queue.length === 0) {
      return;
    }
    const waited = clock.monotonic() - queue[0]!.arrived;
    if (queuedRows < options.maxBatch && waited < options.maxQueueDelayMs) {
      if (cancelDelay === null) {
        cancelDelay = scheduler.schedule(options.maxQueueDelayMs - waited, () => {
          cancelDelay = null;
          pump();
        });
      }
      return;
    }
    dispatch();
  };

  const dispatch = (): void => {
    cancelDelay?.();
    cancelDelay = null;
    const batch: Entry<P, R>[] = [];
    let rows = 0;
    while (queue.length > 0 && (batch.length === 0 || rows + queue[0]!.rows <= options.maxBatch)) {
      const entry = queue.shift()!;
      batch.push(entry);
      rows += entry.rows;
    }
    queuedRows -= rows;
    changed();
    busy = true;
    const started = clock.monotonic();
    observer.onDidDispatch?.(
      rows,
      batch.map((e) => started - e.arrived),
    );
    const finish = (outcomes: (entry: Entry<P, R>, index: number) => BatchOutcome<R>): void => {
      busy = false;
      observer.onDidFinishBatch?.(rows, clock.monotonic() - started);
      batch.forEach((entry, i) => settle(entry, outcomes(entry, i)));
      pump();
    };
    let running: Promise<readonly R[]>;
    try {
      running = execute(batch.map((e) => e.payload));
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (results) =>
        finish((_, i) =>
          i < results.length
            ? { kind: 'done', result: results[i]! }
            : { kind: 'failed', message: `the batch returned ${results.length} results for ${batch.length} requests` },
        ),
      (error: unknown) => finish(() => ({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })),
    );
  };

  return {
    submit(payload, rows) {
      if (closedReason !== null) {
        return Promise.resolve({ kind: 'failed', message: closedReason });
      }
      return new Promise<BatchOutcome<R>>((resolve) => {
        const entry: Entry<P, R> = { payload, rows, arrived: clock.monotonic(), settled: false, cancelTimeout: () => undefined, resolve };
        entry.cancelTimeout = scheduler.schedule(options.timeoutMs, () => {
          const at = queue.indexOf(entry);
          if (at >= 0) {
            queue.splice(at, 1);
            queuedRows -= entry.rows;
            changed();
          }
          settle(entry, { kind: 'timeout' });
        });
        queue.push(entry);
        queuedRows += rows;
        changed();
        pump();
      });
    },
    get queued() {
      return { requests: queue.length, rows: queuedRows };
    },
    get busy() {
      return busy;
    },
    close(reason) {
      closedReason = reason;
      cancelDelay?.();
      cancelDelay = null;
      const waiting = queue.splice(0, queue.length);
      queuedRows = 0;
      changed();
      for (const entry of waiting) {
        settle(entry, { kind: 'failed', message: reason });
      }
    },
  };
}
