/**
 * Timers, injected so that engine code never calls setTimeout (STYLE.md 3): the model server
 * passes Node's timers, tests pass a virtual scheduler they advance by hand.
 */
export interface Scheduler {
  /** Runs `task` once after `delayMs`; the returned function cancels it (a no-op once it ran). */
  schedule(delayMs: number, task: () => void): () => void;
}
