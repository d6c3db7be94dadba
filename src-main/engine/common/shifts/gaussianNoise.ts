/** gaussian-noise: adds N(0, (intensity * sd)^2) to each value (a noisier sensor or a lossy upstream). */
import type { Rng } from '../ports/rng';
import { mapNumericTargets } from './chunkEdits';
import { inSpan, intensityAt } from './intensity';
import type { ApplyShift } from './shiftOperator';

/** A standard normal draw by Box-Muller (two uniforms). */
function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next(); // (0, 1]: log is finite
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Adds the noise to the non-null values of each target inside the window. */
export const applyGaussianNoise: ApplyShift<'gaussian-noise'> = (chunk, shift, rng, where) => {
  // Draws row by row (every target's noise for a row in turn), so they line up with rows.
  const noise: Float64Array[] = shift.target.map(() => new Float64Array(chunk.rowCount));
  for (let i = 0; i < chunk.rowCount; i++) {
    const t = chunk.eventTime[i]!;
    if (inSpan(shift, t)) {
      const w = intensityAt(shift, t);
      for (const n of noise) {
        n[i] = w * shift.sd * standardNormal(rng);
      }
    }
  }
  return mapNumericTargets(chunk, shift.target, where, 'gaussian-noise', (x, i, k) => x + noise[k]![i]!);
};
