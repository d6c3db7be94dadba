/**
 * The seed's reading of PSI: < 0.1 no significant shift, 0.1-0.25 moderate (investigate),
 * > 0.25 significant (retrain). The bounds are configurable; 0.1 and 0.25 themselves read as
 * "investigate", as the seed's ranges say.
 */

/** Where the bands start. */
export interface PsiBands {
  readonly investigate: number;
  readonly retrain: number;
}

/** The seed's bands. */
export const SEED_PSI_BANDS: PsiBands = { investigate: 0.1, retrain: 0.25 };

/** A band of the seed's reading. */
export type PsiBand = 'stable' | 'investigate' | 'retrain';

/** The band a PSI falls in. */
export function psiBand(psi: number, bands: PsiBands = SEED_PSI_BANDS): PsiBand {
  if (psi > bands.retrain) {
    return 'retrain';
  }
  return psi >= bands.investigate ? 'investigate' : 'stable';
}

/** Bands from user input, or the reason they are not bands. */
export function checkPsiBands(bands: PsiBands): string | null {
  if (!(Number.isFinite(bands.investigate) && Number.isFinite(bands.retrain))) {
    return 'expected two finite numbers';
  }
  if (!(bands.investigate > 0 && bands.investigate <= bands.retrain)) {
    return `expected 0 < investigate <= retrain, got ${bands.investigate} and ${bands.retrain}`;
  }
  return null;
}
