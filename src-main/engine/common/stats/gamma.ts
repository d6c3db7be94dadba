/**
 * The log-gamma function and the regularized upper incomplete gamma function Q(a, x), which
 * gives the chi-squared p-value (`scipy.stats.chi2.sf(x, k) = Q(k/2, x/2)`). Q by the series for
 * P = 1 - Q when x < a + 1 and by Lentz's continued fraction otherwise (Numerical Recipes 6.2),
 * so whichever of P and Q is small is computed directly, not as a difference.
 */

const EPSILON = 2 ** -52;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;
// Lanczos coefficients for g = 671/128, 14 terms (Numerical Recipes, 3rd ed., 6.1).
const LANCZOS = [
  57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199, 0.339946499848118887e-4, 0.465236289270485756e-4,
  -0.983744753048795646e-4, 0.158088703224912494e-3, -0.210264441724104883e-3, 0.217439618115212643e-3, -0.16431810653676389e-3, 0.844182239838527433e-4,
  -0.261908384015814087e-4, 0.368991826595316234e-5,
];

/** log Gamma(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) {
    return Number.NaN;
  }
  let y = x;
  let tmp = x + 5.2421875;
  tmp = (x + 0.5) * Math.log(tmp) - tmp;
  let series = 0.999999999999997092;
  for (const c of LANCZOS) {
    series += c / ++y;
  }
  return tmp + Math.log((2.5066282746310005 * series) / x);
}

/** Q(a, x) = Gamma(a, x) / Gamma(a), a > 0, x >= 0. */
export function upperRegularizedGamma(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) {
    return Number.NaN;
  }
  if (x === 0) {
    return 1;
  }
  if (x === Number.POSITIVE_INFINITY) {
    return 0;
  }
  const logPrefactor = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    return 1 - lowerSeries(a, x) * Math.exp(logPrefactor);
  }
  return upperContinuedFraction(a, x) * Math.exp(logPrefactor);
}

/** sum x^k / (a (a+1) ... (a+k)), so that P(a, x) = this * x^a e^-x / Gamma(a). */
function lowerSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) {
      break;
    }
  }
  return sum;
}

/** The continued fraction for Q(a, x) e^x x^-a Gamma(a), by the modified Lentz method. */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    c = b + an / c;
    if (Math.abs(c) < TINY) {
      c = TINY;
    }
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) {
      break;
    }
  }
  return h;
}
