/** Seeded randomness, injected so that a scenario replays bit for bit (STYLE.md 3). */
export interface Rng {
  /** A uniform number in [0, 1). */
  next(): number;
}
