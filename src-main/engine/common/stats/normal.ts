/** The standard normal distribution's tails, to double precision (W. J. Cody's erfc). */

/** erfc(x) = 1 - erf(x), relative error below 1e-15 (Cody 1969, as used by most libms). */
export function erfc(x: number): number {
  const ax = Math.abs(x);
  let result: number;
  if (ax < 0.5) {
    // erf by its rational approximation, then 1 - erf.
    const t = ax * ax;
    const num = (((0.185777706184603153 * t + 3.1611237438705656) * t + 113.864154151050156) * t + 377.485237685302021) * t + 3209.37758913846947;
    const den = (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t + 2844.23683343917062;
    const erf = (ax * num) / den;
    return x >= 0 ? 1 - erf : 1 + erf;
  }
  if (ax < 4) {
    const num =
      (((((((2.15311535474403846e-8 * ax + 0.564188496988670089) * ax + 8.88314979438837594) * ax + 66.1191906371416295) * ax + 298.635138197400131) * ax +
        881.95222124176909) *
        ax +
        1712.04761263407058) *
        ax +
        2051.07837782607147) *
        ax +
      1230.33935479799725;
    const den =
      (((((((ax + 15.7449261107098347) * ax + 117.693950891312499) * ax + 537.181101862009858) * ax + 1621.38957456669019) * ax + 3290.79923573345963) * ax +
        4362.61909014324716) *
        ax +
        3439.36767414372164) *
        ax +
      1230.33935480374942;
    result = expSquared(ax) * (num / den);
  } else {
    const z = 1 / (ax * ax);
    const num =
      ((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z + 0.125781726111229246) * z + 0.0160837851487422766) * z +
      0.000658749161529837803;
    const den = ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 0.527905102951428412) * z + 0.0605183413124413191) * z + 0.00233520497626869185;
    result = (expSquared(ax) * (0.564189583547756287 - (z * num) / den)) / ax;
  }
  return x >= 0 ? result : 2 - result;
}

/** exp(-x*x) without the cancellation of computing x*x in one piece (Cody's trick). */
function expSquared(x: number): number {
  const xs = Math.trunc(x * 16) / 16;
  const del = (x - xs) * (x + xs);
  return Math.exp(-xs * xs) * Math.exp(-del);
}

/** P(Z > z) for a standard normal Z. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
