/**
 * The open-loop schedule: planned send times of a Poisson process whose rate follows the shape.
 * Requests are planned here, before and regardless of what the server does, which is what makes
 * the load open-loop (a closed loop waits for answers and so sends less when the server slows).
 *
 * A time-varying rate is drawn by thinning (Lewis and Shedler 1979): candidates of a homogeneous
 * process at the highest rate, each kept with probability rate(t) / highest rate. Under a
 * constant shape every candidate is kept, so the gaps are exactly exponential.
 */
import type { Rng } from '../ports/rng';
import type { RateShape } from './rateShape';

/** Planned send times, in ms after the start, ascending, all before the end of the run. */
export function* poissonArrivals(shape: RateShape, rng: Rng): Generator<number, void, undefined> {
  if (!(shape.maxRps > 0) || !(shape.durationMs > 0)) {
    return;
  }
  const perMs = shape.maxRps / 1000;
  let t = 0;
  for (;;) {
    // 1 - u is in (0, 1], so the logarithm is finite.
    t += -Math.log(1 - rng.next()) / perMs;
    if (t >= shape.durationMs) {
      return;
    }
    const rate = shape.rateAt(t);
    if (rate >= shape.maxRps || rng.next() * shape.maxRps < rate) {
      yield t;
    }
  }
}
