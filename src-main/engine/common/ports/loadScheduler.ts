/**
 * Waiting in real time, injected so that the open-loop driver never touches a timer
 * (STYLE.md 3): engine/node sleeps on the event loop, tests advance virtual time.
 */
export interface LoadScheduler {
  /** Resolves at (or as soon as possible after) the monotonic time `at`, in milliseconds. */
  sleepUntil(at: number): Promise<void>;
}
