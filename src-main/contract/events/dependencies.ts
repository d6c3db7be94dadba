/**
 * Events of the dependency check (the seed's "Hermetic Model Packaging"): each model's training lock
 * against the serving environment's lock, and the same inputs through each runtime of the model.
 * The shapes are plain data, shared by `rehearse lock-check`, the readiness check and the report.
 */

/** The file formats `rehearse lock-check` reads. */
export type LockFormat = 'requirements' | 'package-lock' | 'conda';

/** How a package's pins differ; `missing` (one side only) alone does not fail. */
export type LockProblemKind = 'unpinned' | 'range' | 'mismatch' | 'missing';

/** One side of a problem: the requirement(s) as written and where the first one is. */
export interface LockSideView {
  readonly spec: string;
  readonly at: string;
}

/** A package whose pins are not exact and equal on both sides. */
export interface LockProblem {
  readonly package: string;
  readonly kind: LockProblemKind;
  readonly training: LockSideView | null;
  readonly serving: LockSideView | null;
  /** What is wrong, in words. */
  readonly detail: string;
}

/** What was read from one lock file. */
export interface LockSummary {
  readonly file: string;
  readonly format: LockFormat;
  /** Distinct packages. */
  readonly packages: number;
  readonly notes: readonly string[];
}

/** The outcome of comparing two locks. */
export interface LockComparison {
  readonly training: LockSummary;
  readonly serving: LockSummary;
  /** Packages present on both sides. */
  readonly compared: number;
  readonly problems: readonly LockProblem[];
  readonly counts: Readonly<Record<LockProblemKind, number>>;
  /** True when any problem is other than `missing`. */
  readonly failed: boolean;
}

/** One row's two scores. */
export interface ScorePair {
  readonly row: number;
  readonly reference: number | null;
  readonly candidate: number | null;
}

/** The comparison of two runtimes' score vectors over the same rows. */
export interface ScoreParity {
  readonly rows: number;
  /** Over the rows where both scores are finite. */
  readonly maxAbsDiff: number;
  readonly meanAbsDiff: number;
  /** Rows whose decision differs, including every row with a non-finite score on one side. */
  readonly flips: number;
  readonly flipRate: number;
  /** Rows where either score is NaN or infinite. */
  readonly nonFinite: number;
  /** The row with the largest difference, or null when no row has two finite scores. */
  readonly worst: ScorePair | null;
  /** The first few flipped rows, for the report. */
  readonly flipExamples: readonly ScorePair[];
}

/** One runtime against the reference. */
export interface RuntimeComparison extends ScoreParity {
  readonly reference: string;
  readonly candidate: string;
  readonly passed: boolean;
}

/** The parity of every runtime of one model with the first. */
export interface RuntimeParityResult {
  readonly model: string;
  readonly threshold: number;
  readonly flipTolerance: number;
  readonly rows: number;
  readonly comparisons: readonly RuntimeComparison[];
  readonly passed: boolean;
}

/** A model's training lock compared with the serving environment's lock, or why it was not. */
export interface LockCompared {
  readonly kind: 'lock.compared';
  readonly role: 'blue' | 'green';
  readonly model: string;
  /** The serving environment whose lock was read (`embedded`: this project's own production install). */
  readonly backend: string;
  readonly comparison: LockComparison | null;
  /** Why nothing was compared (no training.lock), or null. */
  readonly unavailable: string | null;
}

/** The same sampled rows through each runtime of a model, or why that was not measured. */
export interface RuntimeParityMeasured {
  readonly kind: 'runtime.parity';
  readonly role: 'blue' | 'green';
  readonly model: string;
  readonly result: RuntimeParityResult | null;
  readonly unavailable: string | null;
}
