/**
 * Rollback compatibility (issue 8): before the first step, blue must still be able to serve
 * today's traffic, so today's raw records must carry every field blue's serving pipeline reads.
 * If upstream has already dropped one, the bridge is burned.
 */

export interface CompatibilityResult {
  readonly compatible: boolean;
  /** Fields blue needs that today's records lack. */
  readonly missing: readonly string[];
  readonly required: readonly string[];
  readonly present: readonly string[];
}

/** Compares the fields blue's pipeline reads with the fields today's records carry. */
export function rollbackCompatibility(required: readonly string[], present: readonly string[]): CompatibilityResult {
  const have = new Set(present);
  const missing = required.filter((f) => !have.has(f));
  return { compatible: missing.length === 0, missing, required, present };
}
