/**
 * How the planned rate moves over a run. Every shape reaches the target rate, so a run of any
 * shape has been at the target for some stretch:
 * - constant: the target throughout;
 * - ramp: from 0 up to the target over the first half, then the target;
 * - step: four equal stretches at 1/4, 1/2, 3/4 and all of the target;
 * - spike: a quarter of the target, and the target for the middle fifth (40% to 60% of the run).
 */
import type { LoadShape } from '../../../contract/load';

/** Every shape, in the order `--help` lists them. */
export const LOAD_SHAPES: readonly LoadShape[] = ['constant', 'ramp', 'step', 'spike'];

/** The planned rate over a run of `durationMs`. */
export interface RateShape {
  readonly shape: LoadShape;
  readonly durationMs: number;
  /** Requests per second at `t` ms after the start. */
  rateAt(t: number): number;
  /** The highest rate: the target. */
  readonly maxRps: number;
  /** The rate averaged over the run: expected requests = meanRps x duration. */
  readonly meanRps: number;
}

/** The shape `shape` reaching `targetRps`, over `durationMs`. */
export function rateShape(shape: LoadShape, targetRps: number, durationMs: number): RateShape {
  const at = (fraction: number): number => fraction * durationMs;
  switch (shape) {
    case 'constant':
      return { shape, durationMs, maxRps: targetRps, meanRps: targetRps, rateAt: () => targetRps };
    case 'ramp':
      return {
        shape,
        durationMs,
        maxRps: targetRps,
        meanRps: 0.75 * targetRps,
        rateAt: (t) => (t < at(0.5) ? (targetRps * t) / at(0.5) : targetRps),
      };
    case 'step':
      return {
        shape,
        durationMs,
        maxRps: targetRps,
        meanRps: 0.625 * targetRps,
        rateAt: (t) => (targetRps * Math.min(4, Math.floor((4 * t) / durationMs) + 1)) / 4,
      };
    case 'spike':
      return {
        shape,
        durationMs,
        maxRps: targetRps,
        meanRps: 0.4 * targetRps,
        rateAt: (t) => (t >= at(0.4) && t < at(0.6) ? targetRps : targetRps / 4),
      };
  }
}
