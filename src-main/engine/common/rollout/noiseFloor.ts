/**
 * Disagreement against a noise floor, after Twitter's Diffy: two blue instances (another batch
 * size or thread count) answer the same requests, and only the part of green's disagreement with
 * blue that goes beyond blue's disagreement with itself counts.
 */

/** How two answer sets for the same requests differ. */
export interface Disagreement {
  readonly n: number;
  /** Share of requests whose decision at the threshold differs. */
  readonly flipRate: number;
  readonly meanAbsDiff: number;
  readonly maxAbsDiff: number;
}

/**
 * Disagreement between two answer sets for the same requests (non-finite pairs skipped). Each
 * side decides at its own threshold: blue and green may be tuned differently.
 */
export function disagreement(a: ArrayLike<number>, b: ArrayLike<number>, thresholdA: number, thresholdB = thresholdA): Disagreement {
  let n = 0;
  let flips = 0;
  let sum = 0;
  let max = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      continue;
    }
    n++;
    const d = Math.abs(x - y);
    sum += d;
    max = Math.max(max, d);
    if (x >= thresholdA !== y >= thresholdB) {
      flips++;
    }
  }
  return { n, flipRate: n === 0 ? 0 : flips / n, meanAbsDiff: n === 0 ? 0 : sum / n, maxAbsDiff: max };
}

/** Green's disagreement with blue beside blue's with itself. */
export interface NoiseAdjusted {
  readonly signal: Disagreement;
  readonly noise: Disagreement;
  /** Green's flip rate beyond blue's own, never below 0. */
  readonly excessFlipRate: number;
  /** Green's mean absolute difference beyond blue's own, never below 0. */
  readonly excessMeanAbsDiff: number;
}

/** Green vs blue, minus blue vs a second blue; `greenThreshold` is blue's unless given. */
export function noiseAdjustedDisagreement(
  blue: ArrayLike<number>,
  blueTwin: ArrayLike<number>,
  green: ArrayLike<number>,
  blueThreshold: number,
  greenThreshold = blueThreshold,
): NoiseAdjusted {
  const signal = disagreement(blue, green, blueThreshold, greenThreshold);
  const noise = disagreement(blue, blueTwin, blueThreshold);
  return {
    signal,
    noise,
    excessFlipRate: Math.max(0, signal.flipRate - noise.flipRate),
    excessMeanAbsDiff: Math.max(0, signal.meanAbsDiff - noise.meanAbsDiff),
  };
}
