/**
 * Events of the replay: production streamed in event-time windows through each model,
 * every input feature and the predictions compared with the model's reference (its training
 * window, sliced by season), labels once their delay has passed, the alerts those comparisons
 * raise, and the synthetic shifts laid over the traffic with when (and whether) they were caught.
 *
 * Alerts carry a monitoring layer (the seed's four: 1 infrastructure, 2 data quality, 3
 * prediction, 4 business) and a rule name, so four-layer monitoring adds its own rules
 * and layers to the same two kinds, and the alert timeline draws them all alike.
 */
import type { DriftStatus, FeatureKind } from '../drift';
import type { MonitoringLayer, PsiBands } from '../charts';

/** Which part of the reference a window is compared with: the same stretch of the week, of the day, or all of it. */
export type SeasonKind = 'hour-of-week' | 'hour-of-day' | 'day-of-week' | 'month-of-year' | 'none';

/** How a rule's threshold was set: as written in the scenario, or from the reference's own noise. */
export type ThresholdSource = 'fixed' | 'calibrated';

/** One watched series of a model (an input feature, or its predictions) and the PSI threshold it alerts above. */
export interface WatchedSeries {
  readonly name: string;
  readonly kind: FeatureKind;
  /**
   * What is compared: `value` (the feature as the model gets it), or `field <name>` for a
   * categorical feature compared as the raw category it encodes (the airport code, not its index).
   */
  readonly compared: string;
  readonly psiThreshold: number;
  readonly thresholdSource: ThresholdSource;
  /** With a calibrated threshold: the PSI of the reference's own chunks against the rest of their slice. */
  readonly calibration: { readonly mean: number; readonly sd: number; readonly k: number; readonly chunks: number } | null;
  /**
   * With `alerts.drift.ert`: the sequential rule (a CUSUM over the PSI standardised by the
   * reference chunks' mean and sd) in force instead of `psiThreshold` alone. `allowance` (k) and
   * `decision` (h) are in sd; `ert` is the expected windows between false alarms it was calibrated
   * for. `psiThreshold` is then the PSI one window must exceed to alarm from a calm sum.
   */
  readonly sequential?: {
    /** The reference chunks' size-scaled PSI: mean and sd, what each window is standardised with. */
    readonly mean: number;
    readonly sd: number;
    readonly allowance: number;
    readonly decision: number;
    readonly ert: number;
    /** The PSI one window of the reference chunks' typical size must pass to alarm from a calm sum; null without chunks. */
    readonly psi: number | null;
  };
}

/** One model's part of the replay: what it is compared with and what it watches. */
export interface ReplayModel {
  readonly role: 'blue' | 'green';
  readonly model: string;
  /** The reference snapshot's stretch and rows, or null when the scenario gives this model none. */
  readonly reference: {
    readonly source: string;
    readonly from: string | null;
    readonly to: string | null;
    readonly rows: number;
    readonly positiveRate: number | null;
    readonly auc: number | null;
  } | null;
  readonly features: readonly WatchedSeries[];
  readonly prediction: WatchedSeries | null;
  /** The layer 4 rules' thresholds: the positive rate's distance from the slice's, the AUC's drop below the reference's. */
  readonly labels: { readonly positiveRate: number; readonly aucDrop: number; readonly thresholdSource: ThresholdSource } | null;
  /** Whether the model's probabilities are calibrated on its reference, so its windows' performance can be estimated before their labels. */
  readonly estimate?: EstimateCalibration | null;
}

/**
 * The calibration of a model's probabilities on its labelled reference rows (ten bins of equal
 * rows): its expected calibration error, what chance alone gives on bins of that size, and the
 * bound it must stay under (a tolerance plus twice that). Only a calibrated model is estimated.
 */
export interface EstimateCalibration {
  readonly calibrated: boolean;
  readonly error: number;
  readonly noise: number;
  readonly bound: number;
  readonly rows: number;
}

/** The replay begins: its windows, how they are compared, and every rule it alerts on. */
export interface ReplayStarted {
  readonly kind: 'replay.started';
  readonly windowMs: number;
  readonly season: SeasonKind;
  /** Why the run chose the season, when the scenario did not say one (alerts.drift.season). */
  readonly seasonReason?: string;
  /** Windows with fewer usable rows than this are "insufficient data", never an alert. */
  readonly minRows: number;
  readonly bands: PsiBands;
  /** Consecutive windows a rule must hold before its alert fires. */
  readonly forWindows: number;
  readonly models: readonly ReplayModel[];
  /** Rows of production in the replayed stretch, counted ahead (before shifts drop any). */
  readonly rows: number | null;
}

/** The replay reached its end: per model, how often each feature was compared and how often rules cried wolf. */
export interface ReplayFinished {
  readonly kind: 'replay.finished';
  readonly models: readonly ReplayWatch[];
}

/** One model's watch over the whole replay. */
export interface ReplayWatch {
  readonly role: 'blue' | 'green';
  readonly model: string;
  /** Windows each feature was compared in (enough data on both sides). */
  readonly compared: readonly { readonly name: string; readonly windows: number }[];
  /** Windows outside every shift in which the feature PSI rules were evaluated, and in which one fired. */
  readonly falseAlarms: {
    readonly windows: number;
    readonly alerting: number;
    readonly features: readonly { readonly name: string; readonly evaluated: number; readonly firing: number }[];
  };
  /**
   * Performance before labels, once the labels came: over the windows with both an estimated
   * and a realised AUC and at least `minRows` labels (the windows layer 4 judges), the mean absolute error of the estimate (AUC and accuracy), beside the
   * labelled windows' own sampling error of AUC (Hanley-McNeil, averaged). Absent without a reference.
   */
  readonly estimate?: {
    readonly calibrated: boolean;
    readonly windows: number;
    readonly aucMae: number | null;
    readonly accuracyMae: number | null;
    readonly aucStandardError: number | null;
  };
}

/**
 * One series in one window (its kind is in `replay.started`). Statistics are rounded to 4
 * significant figures (the alert events carry the exact value that crossed); null where they
 * could not be computed, with `reason`.
 */
export interface WindowSeries {
  readonly name: string;
  readonly status: DriftStatus;
  /** Why the status is insufficient-data or missing; absent otherwise. */
  readonly reason?: string;
  readonly psi: number | null;
  /** Usable values in the window and in the reference slice it was compared with. */
  readonly n: number;
  readonly referenceN: number;
  readonly nullRate: number | null;
  /**
   * Numeric: KS statistic (and, with `alerts.drift.ksPValue`, its p-value by scipy's method
   * "asymp"), Wasserstein-1, share outside the reference range.
   */
  readonly ks?: number | null;
  readonly ksPValue?: number | null;
  readonly wasserstein?: number | null;
  readonly outOfRangeShare?: number | null;
  /** Categorical: chi-squared p-value, Jensen-Shannon distance, share of categories never seen in training. */
  readonly chi2PValue?: number | null;
  readonly jsd?: number | null;
  readonly unseenShare?: number | null;
}

/** One model in one event-time window: every input feature and its predictions against the reference slice. */
export interface DriftWindow {
  readonly kind: 'drift.window';
  readonly role: 'blue' | 'green';
  readonly model: string;
  /** The window, `to` excluded (event time as the log writes it). */
  readonly from: string;
  readonly to: string;
  /** Production rows in the window (after shifts); `scored` went through the model; `refused` the serving features could not read. */
  readonly rows: number;
  readonly scored: number;
  readonly refused: number;
  /** The reference slice: which part of the season (e.g. `Mon 06:00-07:00`), and its rows. */
  readonly slice: { readonly label: string; readonly rows: number };
  readonly features: readonly WindowSeries[];
  readonly prediction: (WindowSeries & { readonly mean: number | null; readonly histogram: readonly number[] }) | null;
  /** A calibrated model's performance estimated from its probabilities alone, before the window's labels (accuracy at its threshold). */
  readonly estimate?: { readonly auc: number | null; readonly accuracy: number | null };
}

/** A window's outcomes, appended once their delay has passed (at `to` + the label delay). */
export interface LabelWindow {
  readonly kind: 'labels.window';
  readonly role: 'blue' | 'green';
  readonly model: string;
  readonly from: string;
  readonly to: string;
  readonly labelled: number;
  readonly positiveRate: number | null;
  /** The reference slice's positive rate, and the model's AUC on its whole reference. */
  readonly referencePositiveRate: number | null;
  readonly auc: number | null;
  readonly referenceAuc: number | null;
  /** Layer 4: the decision at the model's threshold, as sklearn defines each (null on an empty denominator). */
  readonly threshold: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly falsePositiveRate: number | null;
  /** Layer 3: calibration, the Brier score and the expected calibration error (ten equal-width bins). */
  readonly brier: number | null;
  readonly ece: number | null;
  /**
   * A calibrated model's estimate made when the window closed, against what the labels say: the
   * estimated AUC beside `auc` with its sampling error (Hanley-McNeil), the estimated accuracy
   * beside the realised one at the threshold.
   */
  readonly estimate?: {
    readonly auc: number | null;
    readonly aucStandardError: number | null;
    readonly accuracy: number | null;
    readonly realisedAccuracy: number | null;
  };
}

/** A rule began to fire: it held for its number of windows. */
export interface AlertFiring {
  readonly kind: 'alert.firing';
  readonly layer: MonitoringLayer;
  /** `feature-psi`, `feature-nulls`, `feature-unseen`, `schema-break`, `prediction-psi`, `label-positive-rate`, `label-auc`, ... */
  readonly rule: string;
  readonly role: 'blue' | 'green' | null;
  /** What the rule watches: a feature name, `prediction`, `label`. */
  readonly subject: string;
  readonly value: number | null;
  readonly threshold: number | null;
  /** The window that made it fire. */
  readonly from: string;
  readonly to: string;
  /** One sentence for people. */
  readonly message: string;
  /** `real`: from and to are wall-clock times (a layer 1 rule on a live load); absent: event time. */
  readonly clock?: 'real';
}

/** A firing rule stopped holding. */
export interface AlertResolved {
  readonly kind: 'alert.resolved';
  readonly layer: MonitoringLayer;
  readonly rule: string;
  readonly role: 'blue' | 'green' | null;
  readonly subject: string;
  /** When it began firing (the start of the window that fired it) and when it stopped (the start of the first window it did not hold in). */
  readonly from: string;
  readonly to: string;
  /** As on `alert.firing`. */
  readonly clock?: 'real';
}

/** A synthetic shift starts acting on the replayed traffic. */
export interface ShiftInjected {
  readonly kind: 'shift.injected';
  /** Its position in the scenario's `shifts`. */
  readonly index: number;
  /** `unit-change distance (miles-to-km)`. */
  readonly name: string;
  readonly operator: string;
  readonly targets: readonly string[];
  readonly from: string;
  /** null: to the end of the replay. */
  readonly to: string | null;
  readonly onset: 'sudden' | 'ramped';
}

/** A layer of monitoring first alerted on something the shift touched, while it acted. */
export interface ShiftDetected {
  readonly kind: 'shift.detected';
  readonly index: number;
  readonly name: string;
  readonly layer: MonitoringLayer;
  readonly rule: string;
  readonly role: 'blue' | 'green' | null;
  readonly subject: string;
  /** When the alert fired, and how long after the shift began. */
  readonly at: string;
  readonly delayMs: number;
}

/** At the end of the replay: a shift no rule caught while it acted. */
export interface ShiftMissed {
  readonly kind: 'shift.missed';
  readonly index: number;
  readonly name: string;
  /** Why nothing caught it, as far as the replay can tell (which series it touched, their largest PSI). */
  readonly reason: string;
}
