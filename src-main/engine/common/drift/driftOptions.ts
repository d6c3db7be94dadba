/** How features are compared: PSI binning, the bands that turn PSI into a status, the least n. */
import type { KsMethod } from '../stats/ks';
import { SEED_PSI_BANDS, type PsiBands } from '../stats/psiBands';

/** How numeric features are binned for PSI. */
export type Binning = 'equal-width' | 'quantile';

/** The knobs of a comparison. */
export interface DriftOptions {
  /** PSI bins for numeric features (the seed uses 10). */
  readonly bins: number;
  /** equal-width over the joint range (the seed's) or the reference's quantiles. */
  readonly binning: Binning;
  readonly bands: PsiBands;
  /**
   * Fewer usable values than this on either side is "insufficient data" rather than a
   * statistic. 1 by default (every statistic is defined from one value); a replay window may ask
   * for more.
   */
  readonly minN: number;
  /**
   * The KS p-value's null distribution, as scipy's `method`: `auto` (exact up to 10,000 values
   * a side, the default) or `asymp`; or `statistic` for D alone. A replay compares thousands of
   * windows: the exact path costs about a millisecond a window against a slice of thousands,
   * `asymp` still 2.4 s of the demo's replay, and the p-value is evidence beside PSI, not what
   * alerts, so the replay asks for it only when the scenario does (`alerts.drift.ksPValue`).
   */
  readonly ksMethod?: KsMethod;
}

/** The seed's: 10 equal-width bins, bands 0.1 and 0.25. */
export const DEFAULT_DRIFT_OPTIONS: DriftOptions = { bins: 10, binning: 'equal-width', bands: SEED_PSI_BANDS, minN: 1 };

/** The largest bin count accepted: beyond it most bins of a window are empty and PSI is noise. */
export const MAX_BINS = 1000;
