/**
 * Waiting in real time, injected (STYLE.md 3): engine/common has no timers. engine/node sleeps
 * with the system's timers; tests advance virtual time.
 */
export interface Sleeper {
  /** Resolves after `ms` milliseconds of real time, or at once when `signal` aborts (never rejects). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** A sleeper that never waits: for runs at full speed, where pacing never asks it to. */
export const NO_WAIT: Sleeper = {
  sleep: async () => undefined,
};
