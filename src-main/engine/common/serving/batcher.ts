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
  const waiting = waitingRequests<P, R>(observer);
  let busy = false;
  let closedReason: string | null = null;
  let cancelDelay: (() => void) | null = null;

  /** Dispatches when the queue is full or its oldest request has waited long enough; else waits for that. */
  const pump = (): void => {
    const oldest = waiting.oldest();
    if (busy || oldest === undefined) {
      return;
    }
    const waited = clock.monotonic() - oldest.arrived;
    if (waiting.rows < options.maxBatch && waited < options.maxQueueDelayMs) {
      cancelDelay ??= scheduler.schedule(options.maxQueueDelayMs - waited, () => {
        cancelDelay = null;
        pump();
      });
      return;
    }
    cancelDelay?.();
    cancelDelay = null;
    const { batch, rows } = waiting.takeBatch(options.maxBatch);
    busy = true;
    const started = clock.monotonic();
    observer.onDidDispatch?.(
      rows,
      batch.map((e) => started - e.arrived),
    );
    void outcomesOf(execute, batch).then((outcomes) => {
      busy = false;
      observer.onDidFinishBatch?.(rows, clock.monotonic() - started);
      batch.forEach((entry, i) => settle(entry, outcomes(i)));
      pump();
    });
  };

  return {
    submit(payload, rows) {
      if (closedReason !== null) {
        return Promise.resolve({ kind: 'failed', message: closedReason });
      }
      return new Promise<BatchOutcome<R>>((resolve) => {
        const entry: Entry<P, R> = { payload, rows, arrived: clock.monotonic(), settled: false, cancelTimeout: () => undefined, resolve };
        // Whether still queued or in a batch that never returns, a request past its timeout is answered.
        entry.cancelTimeout = scheduler.schedule(options.timeoutMs, () => {
          waiting.remove(entry);
          settle(entry, { kind: 'timeout' });
        });
        waiting.add(entry);
        pump();
      });
    },
    get queued() {
      return { requests: waiting.requests, rows: waiting.rows };
    },
    get busy() {
      return busy;
    },
    close(reason) {
      closedReason = reason;
      cancelDelay?.();
      cancelDelay = null;
      for (const entry of waiting.removeAll()) {
        settle(entry, { kind: 'failed', message: reason });
      }
    },
  };
}

/** The queue: requests waiting for a batch, oldest first, their rows counted; every change is told to the observer. */
function waitingRequests<P, R>(observer: BatcherObserver) {
  const queue: Entry<P, R>[] = [];
  let rows = 0;
  const changed = (): void => observer.onDidChangeQueue?.(queue.length, rows);
  return {
    get requests() {
      return queue.length;
    },
    get rows() {
      return rows;
    },
    oldest: (): Entry<P, R> | undefined => queue[0],
    add(entry: Entry<P, R>): void {
      queue.push(entry);
      rows += entry.rows;
      changed();
    },
    /** Takes `entry` out if it still waits. */
    remove(entry: Entry<P, R>): void {
      const at = queue.indexOf(entry);
      if (at >= 0) {
        queue.splice(at, 1);
        rows -= entry.rows;
        changed();
      }
    },
    /** The oldest requests whose rows fit `maxBatch` (at least one, however many rows it has). */
    takeBatch(maxBatch: number): { batch: Entry<P, R>[]; rows: number } {
      const batch: Entry<P, R>[] = [];
      let taken = 0;
      while (queue.length > 0 && (batch.length === 0 || taken + queue[0]!.rows <= maxBatch)) {
        const entry = queue.shift()!;
        batch.push(entry);
        taken += entry.rows;
      }
      rows -= taken;
      changed();
      return { batch, rows: taken };
    },
    removeAll(): Entry<P, R>[] {
      const all = queue.splice(0, queue.length);
      rows = 0;
      changed();
      return all;
    },
  };
}

/** Runs one batch; the outcome of each of its requests by index (a thrown or short batch fails them). */
function outcomesOf<P, R>(execute: BatchExecutor<P, R>, batch: readonly Entry<P, R>[]): Promise<(index: number) => BatchOutcome<R>> {
  let running: Promise<readonly R[]>;
  try {
    running = execute(batch.map((e) => e.payload));
  } catch (error) {
    running = Promise.reject(error);
  }
  return running.then(
    (results) => (i) =>
      i < results.length
        ? { kind: 'done', result: results[i]! }
        : { kind: 'failed', message: `the batch returned ${results.length} results for ${batch.length} requests` },
    (error: unknown) => () => ({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
}

function settle<P, R>(entry: Entry<P, R>, outcome: BatchOutcome<R>): void {
  if (entry.settled) {
    return;
  }
  entry.settled = true;
  entry.cancelTimeout();
  entry.resolve(outcome);
}
