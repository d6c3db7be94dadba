/**
 * The seed's sizing rule (failure mode 4): "Run load tests at 2x your expected peak traffic...
 * Then add 50% headroom on top." With its numbers the target is 3x peak.
 */

/** How the target rate is derived from production's peak. */
export interface PeakLoad {
  readonly peakRps: number;
  /** 2 in the seed. */
  readonly multiplier: number;
  /** 0.5 in the seed: 50% on top of peak x multiplier. */
  readonly headroom: number;
}

/** The seed's defaults for multiplier and headroom. */
export const SEED_MULTIPLIER = 2;
export const SEED_HEADROOM = 0.5;

/** R x multiplier x (1 + headroom), in requests per second. */
export function targetRps(load: PeakLoad): number {
  return load.peakRps * load.multiplier * (1 + load.headroom);
}
