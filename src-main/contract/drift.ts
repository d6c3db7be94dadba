/**
 * Per-feature drift of a current sample against a reference: what `rehearse drift`
 * prints and what each replay window will carry. Every number comes with the n it was computed
 * on; a statistic that cannot be computed is null with a reason, never NaN.
 */

/** Which family of statistics a feature gets. */
export type FeatureKind = 'numeric' | 'categorical';

/**
 * stable / investigate / retrain: the PSI band (< 0.1, 0.1-0.25, > 0.25 by default).
 * insufficient-data: a side has no usable values (or fewer than asked for).
 * missing: the column is absent on one side (a schema break).
 */
export type DriftStatus = 'stable' | 'investigate' | 'retrain' | 'insufficient-data' | 'missing';

/** One value per side. */
export interface ReferenceAndCurrent<T> {
  readonly reference: T;
  readonly current: T;
}

/** Values left out of the distribution statistics, by reason. */
export interface LeftOutCounts {
  readonly null: number;
  readonly nan: number;
  readonly infinity: number;
  /** Text where a number was expected (a column of mixed types). */
  readonly notNumeric: number;
}

interface FeatureDriftBase {
  readonly name: string;
  readonly status: DriftStatus;
  /** Why the status is insufficient-data or missing; null otherwise. */
  readonly reason: string | null;
  /** PSI (on bins for numeric features, on categories for categorical ones). */
  readonly psi: number | null;
  /** Values the distribution statistics used: non-null (and, for numbers, finite). */
  readonly n: ReferenceAndCurrent<number>;
  /** Every row, including those left out. */
  readonly rows: ReferenceAndCurrent<number>;
  readonly nullRate: ReferenceAndCurrent<number | null>;
  readonly leftOut: ReferenceAndCurrent<LeftOutCounts>;
}

/** A numeric feature's comparison. */
export interface NumericFeatureDrift extends FeatureDriftBase {
  readonly kind: 'numeric';
  readonly binning: 'equal-width' | 'quantile';
  readonly bins: number;
  /** Two-sample KS statistic and p-value, as scipy's ks_2samp. */
  readonly ks: number | null;
  readonly ksPValue: number | null;
  /** exact up to 10,000 values a side, else asymp (kstwo). */
  readonly ksMethod: 'exact' | 'asymp' | null;
  readonly wasserstein: number | null;
  /** Share of current values outside the reference's [min, max]. */
  readonly outOfRangeShare: number | null;
}

/** A categorical feature's comparison. */
export interface CategoricalFeatureDrift extends FeatureDriftBase {
  readonly kind: 'categorical';
  readonly chi2: number | null;
  readonly chi2PValue: number | null;
  readonly chi2Dof: number | null;
  /** Jensen-Shannon distance (natural log), as scipy's jensenshannon. */
  readonly jsd: number | null;
  /** Share of current values in categories the reference never has. */
  readonly unseenShare: number | null;
  /** How many distinct categories each side has. */
  readonly categories: ReferenceAndCurrent<number>;
}

/** One feature's comparison. */
export type FeatureDrift = NumericFeatureDrift | CategoricalFeatureDrift;

/** A column not compared, and why (a timestamp nobody named, a nested type). */
export interface SkippedColumn {
  readonly name: string;
  readonly type: string;
  readonly reason: string;
}

/** One input file: the rows read, and those that could not be (counted with file and line, never dropped unseen). */
export interface DriftInputSummary {
  readonly file: string;
  readonly rows: number;
  readonly rejected: number;
  readonly rejectExamples: readonly { readonly file: string; readonly line: number | null; readonly message: string }[];
}

/** The whole comparison of two files, as `rehearse drift --json` prints it. */
export interface DriftReport {
  readonly reference: DriftInputSummary;
  readonly current: DriftInputSummary;
  readonly bins: number;
  readonly binning: 'equal-width' | 'quantile';
  readonly bands: { readonly investigate: number; readonly retrain: number };
  readonly features: readonly FeatureDrift[];
  readonly skipped: readonly SkippedColumn[];
}
