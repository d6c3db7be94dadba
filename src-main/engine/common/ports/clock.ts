/** Real time, injected so that engine code never calls Date.now (STYLE.md 3). */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** A monotonic reading in milliseconds, for measuring durations. */
  monotonic(): number;
}
