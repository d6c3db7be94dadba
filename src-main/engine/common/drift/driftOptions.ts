/** How features are compared: PSI binning, the bands that turn PSI into a status, the least n. */
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
}

/** The seed's: 10 equal-width bins, bands 0.1 and 0.25. */
export const DEFAULT_DRIFT_OPTIONS: DriftOptions = { bins: 10, binning: 'equal-width', bands: SEED_PSI_BANDS, minN: 1 };

/** The largest bin count accepted: beyond it most bins of a window are empty and PSI is noise. */
export const MAX_BINS = 1000;
