/**
 * Sends one planned request and says what became of it. Implemented over keep-alive HTTP/1.1
 * connections in engine/node; tests use an in-memory server on virtual time.
 */

/** One request of the schedule. Times are monotonic milliseconds. */
export interface PlannedRequest {
  /** 0, 1, 2, ... in planned order; the transport picks the payload by it. */
  readonly seq: number;
  readonly plannedAt: number;
  /** plannedAt + timeout: not written by then is dropped, not answered by then is a timeout. */
  readonly deadline: number;
}

/** What became of a request. `sentAt` is when it was written to a connection. */
export type RequestOutcome =
  | { readonly kind: 'answered'; readonly status: number; readonly sentAt: number; readonly doneAt: number }
  | { readonly kind: 'failed'; readonly cause: string; readonly sentAt: number; readonly doneAt: number }
  | { readonly kind: 'timeout'; readonly sentAt: number; readonly doneAt: number }
  | { readonly kind: 'dropped'; readonly doneAt: number };

/**
 * Where the load goes. `send` calls `done` exactly once with what became of the request:
 * every failure is an outcome. A callback rather than a promise because this is the hot path of
 * a generator that must outrun wrk: two promises a request were a measurable share of
 * its CPU.
 */
export interface LoadTransport {
  send(request: PlannedRequest, done: (outcome: RequestOutcome) => void): void;
  /** Closes every connection; outstanding requests end as failures. */
  close(): Promise<void>;
}
