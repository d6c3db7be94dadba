/**
 * Events of the feature checks of preflight (the seed's "Feature Parity Testing"): sampled requests through
 * the training pipeline (SQL) and the serving pipeline (TypeScript) compared value by value, joined
 * features recomputed from raw rows with the as-of rule, and the age of joined values at request time.
 */

/** A raw field's value as the request carried it. */
export type RawFieldValue = string | number | boolean | null;

/** One sampled request on which the two pipelines disagree. */
export interface FeatureMismatchExample {
  /** Where the row is stored (`<file index>:<row>`), the id both pipelines' values were joined on. */
  readonly requestId: string;
  readonly eventTime: string;
  /** The raw record the serving pipeline got. */
  readonly record: Readonly<Record<string, RawFieldValue>>;
  /** null where the pipeline gave no value (SQL NULL, or the serving code refused the record). */
  readonly training: number | null;
  readonly serving: number | null;
}

/** A (training, serving) pair of categorical codes and how many sampled requests had it. */
export interface CategoryShift {
  readonly training: number | null;
  readonly serving: number | null;
  readonly count: number;
}

/** One feature of a model compared between its pipelines on the sampled requests. */
export interface FeatureComparison {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** Requests with a value from both pipelines. */
  readonly compared: number;
  readonly mismatches: number;
  readonly mismatchRate: number;
  /** The largest |training - serving| over the compared requests (numeric features), else null. */
  readonly maxAbsDelta: number | null;
  /** The most frequent (training, serving) pairs among the mismatches (categorical features). */
  readonly shifts: readonly CategoryShift[];
  readonly examples: readonly FeatureMismatchExample[];
  /** The two pipelines' value distributions compared: L-infinity (categorical), Jensen-Shannon distance (numeric). */
  readonly distribution: { readonly metric: 'L-infinity' | 'Jensen-Shannon'; readonly value: number | null; readonly threshold: number };
  readonly passed: boolean;
}

/** A model's features compared between the training and the serving pipeline. */
export interface FeatureParityMeasured {
  readonly kind: 'feature.parity';
  readonly role: 'blue' | 'green';
  readonly model: string;
  readonly featureSpec: string;
  /** The serving variant the deployment runs (`features.servingVariant`), or null for the spec's own. */
  readonly servingVariant: string | null;
  readonly sample: {
    readonly source: string;
    readonly seed: number;
    readonly requested: number;
    /** Requests read for the serving side, and those whose id also came back from the training side. */
    readonly requests: number;
    readonly joined: number;
    readonly from: string | null;
    readonly to: string | null;
  };
  readonly tolerance: { readonly absolute: number; readonly relative: number };
  readonly maxMismatchRate: number;
  /** Requests the serving code refused (a field missing or of the wrong type), with the first few reasons. */
  readonly servingErrors: number;
  readonly servingErrorExamples: readonly { readonly requestId: string; readonly message: string }[];
  readonly features: readonly FeatureComparison[];
  readonly passed: boolean;
}

/** One request whose joined value is not what the as-of rule gives. */
export interface PointInTimeExample {
  readonly requestId: string;
  readonly eventTime: string;
  /** The key the value is joined on (`SFO-LAX`). */
  readonly key: string;
  /** The time the value claims to be as of. */
  readonly asOf: string;
  /** The value the pipeline used. */
  readonly used: number;
  /** The value recomputed from the raw rows whose label was known before the as-of time. */
  readonly expected: number;
  /** The value recomputed from every raw row before the as-of time, labels known or not. */
  readonly withoutLabelDelay: number;
  /** Rows that went into `expected`, and into `withoutLabelDelay`. */
  readonly rowsKnown: number;
  readonly rowsBefore: number;
}

/** A joined feature of a model recomputed from the raw rows for sampled requests (point-in-time correctness). */
export interface PointInTimeChecked {
  readonly kind: 'feature.pointInTime';
  readonly role: 'blue' | 'green';
  readonly model: string;
  readonly feature: string;
  /** Which requests: the replayed ones (`production`) or the model's training window (`reference`). */
  readonly sample: 'production' | 'reference';
  /** The raw rows the value was recomputed from. */
  readonly history: string;
  /** A row's label is known this long after its event time (snapshots.production.labelDelay). */
  readonly labelDelayMs: number;
  readonly checked: number;
  /** Requests whose value differs from the as-of recomputation, or whose as-of time is after the request. */
  readonly violations: number;
  /** Of those, the ones whose value is what the rows without the label delay give: it counts labels not yet known at its as-of time (a leak). */
  readonly leaks: number;
  /** Requests whose value claims an as-of time after the request itself. */
  readonly futureAsOf: number;
  readonly examples: readonly PointInTimeExample[];
  readonly passed: boolean;
}

/** How old a joined feature's values were at request time. */
export interface FreshnessMeasured {
  readonly kind: 'feature.freshness';
  readonly role: 'blue' | 'green';
  readonly model: string;
  readonly feature: string;
  readonly requests: number;
  /** Age = request time - the value's as-of time, in ms. */
  readonly ageMs: { readonly p50: number; readonly p95: number; readonly max: number } | null;
  /** features.freshness.maxAge, or null when the scenario sets none (ages are then only reported). */
  readonly maxAgeMs: number | null;
  readonly stale: number;
  /** The request with the oldest value. */
  readonly oldest: { readonly requestId: string; readonly eventTime: string; readonly asOf: string; readonly ageMs: number } | null;
}

/** A model whose features could not be checked (not loaded, no pipelines of its own, no label to recompute a joined feature from), and why. */
export interface FeatureUnavailable {
  readonly kind: 'feature.unavailable';
  readonly role: 'blue' | 'green';
  readonly model: string;
  readonly reason: string;
}
