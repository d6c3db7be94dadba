/**
 * Sequential drift detection: a one-sided CUSUM over each series' standardised window
 * distance. A window's distance (its PSI against the reference slice, scaled by the sizes
 * compared: `sizeScaled`) is standardised with the
 * reference's own window-long chunks (their mean and sd), so 0 is "as far as January's own hours
 * are from each other" and 1 is one sd further. The CUSUM adds each window's excess over an
 * allowance `k` and alarms once the sum passes a decision interval `h`:
 *
 *   S_t = max(0, S_{t-1} + z_t - k), alarm when S_t > h.
 *
 * One very distant window alarms at once (z > h + k); a small shift that persists adds up over
 * windows. `h` is set from an expected run length (Alibi Detect's online detectors' `ert`: the
 * expected number of windows before a false alarm when nothing has changed): the reference's own
 * standardised distances are resampled with a seeded generator into a long stream, and `h` is the
 * smallest decision interval whose mean run length between alarms on that stream reaches `ert`.
 * The statistic is capped at `h + k` so that an alarm resolves one calm window after the shift
 * ends instead of paying back a huge sum window by window; the cap is above `h`, so it leaves
 * the time to the first alarm (what `ert` is about) unchanged.
 */
import type { Rng } from '../ports/rng';

/** A series' sequential rule: how its distance is standardised and when the sum alarms. */
export interface SequentialRule {
  /** The reference chunks' mean and sd of the distance. */
  readonly mean: number;
  readonly sd: number;
  /** The allowance k and decision interval h, in sd. */
  readonly allowance: number;
  readonly decision: number;
  /** The expected run length, in windows, `decision` was calibrated for. */
  readonly ert: number;
}

/**
 * A window's PSI on one scale whatever the window's size: under no change PSI grows like
 * 1/n + 1/m (its sampling noise), so an hour of sixty night flights and one of nine hundred day
 * flights differ tenfold in PSI for the same nothing. Multiplied by n m / (n + m), both read as
 * "this many bins' worth of chi-squared", and the reference chunks' mean and sd apply to every hour.
 */
export function sizeScaled(psi: number, n: number, m: number): number {
  return n <= 0 || m <= 0 ? psi : (psi * n * m) / (n + m);
}

/** The smallest sd a standardisation divides by: a series whose chunks never varied still standardises to a finite figure. */
const MIN_SD = 1e-9;

/** How far a distance is from the reference chunks' own, in their sd. */
export function standardise(distance: number, mean: number, sd: number): number {
  return (distance - mean) / Math.max(sd, MIN_SD);
}

/** One window of the CUSUM: the new sum and whether it alarms. */
export function cusumStep(sum: number, z: number, allowance: number, decision: number): { readonly sum: number; readonly alarm: boolean } {
  const next = Math.min(decision + allowance, Math.max(0, sum + z - allowance));
  return { sum: next, alarm: next > decision };
}

/** The (size-scaled) distance one window must exceed to alarm from a calm sum (0): mean + sd (h + k). */
export function oneWindowDistance(rule: SequentialRule): number {
  return rule.mean + rule.sd * (rule.decision + rule.allowance);
}

/** The PSI one window of `n` values against a slice of `m` must exceed to alarm from a calm sum. */
export function oneWindowPsi(rule: SequentialRule, n: number, m: number): number {
  const distance = oneWindowDistance(rule);
  return n <= 0 || m <= 0 ? distance : (distance * (n + m)) / (n * m);
}

/** How `calibrateDecision` simulates. */
export interface DecisionOptions {
  /** Windows resampled into the stream the run lengths are read from. */
  readonly steps: number;
  /** Bisection rounds over h. */
  readonly rounds: number;
}

const DEFAULT_OPTIONS: DecisionOptions = { steps: 200_000, rounds: 30 };

/**
 * The decision interval h (in sd) at which the CUSUM's mean run length between alarms, over a
 * stream resampled from the reference's standardised distances `z`, is `ert` windows (the sum
 * restarts at 0 after each alarm). Null with fewer than two distances.
 */
export function calibrateDecision(z: readonly number[], ert: number, allowance: number, rng: Rng, options: DecisionOptions = DEFAULT_OPTIONS): number | null {
  if (z.length < 2) {
    return null;
  }
  const stream = new Float64Array(options.steps);
  for (let i = 0; i < stream.length; i++) {
    stream[i] = z[Math.floor(rng.next() * z.length)]! - allowance;
  }
  // The largest single step bounds h from above: past it, a run is as long as the stream allows.
  let low = 0;
  let high = Math.max(1, ...z.map((x) => x - allowance)) * Math.max(1, ert);
  for (let round = 0; round < options.rounds; round++) {
    const h = (low + high) / 2;
    if (meanRunLength(stream, h) >= ert) {
      high = h;
    } else {
      low = h;
    }
  }
  return high;
}

/** Mean windows between alarms on the stream (the sum restarting at 0 after each); the stream's length when it never alarms. */
export function meanRunLength(steps: Float64Array, decision: number): number {
  let sum = 0;
  let alarms = 0;
  for (let i = 0; i < steps.length; i++) {
    sum = Math.max(0, sum + steps[i]!);
    if (sum > decision) {
      alarms += 1;
      sum = 0;
    }
  }
  return alarms === 0 ? steps.length : steps.length / alarms;
}

/** The rule of a series from its reference chunks' distances; null when they are too few to standardise by. */
export function sequentialRule(distances: readonly number[], ert: number, allowance: number, rng: Rng, options?: DecisionOptions): SequentialRule | null {
  if (distances.length < 2) {
    return null;
  }
  const mean = distances.reduce((a, b) => a + b, 0) / distances.length;
  const sd = Math.sqrt(distances.reduce((a, b) => a + (b - mean) ** 2, 0) / (distances.length - 1));
  const decision = calibrateDecision(
    distances.map((d) => standardise(d, mean, sd)),
    ert,
    allowance,
    rng,
    options,
  );
  return decision === null ? null : { mean, sd, allowance, decision, ert };
}
