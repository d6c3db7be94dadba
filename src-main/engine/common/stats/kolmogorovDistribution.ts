/**
 * The survival function of the two-sided one-sample Kolmogorov-Smirnov statistic D_n, ported
 * from scipy 1.17 (`scipy.stats.kstwo.sf`, `scipy/stats/_ksstats.py` `_kolmogn`): Simard and
 * L'Ecuyer's (2011) choice among Ruben-Gambino's closed forms, Durbin's matrix (Marsaglia-Tsang-
 * Wang), Pomeranz's recursion, the Pelz-Good expansion and 2 * Smirnov's one-sided tail.
 * `ks_2samp` uses it with n = round(m*n / (m + n)) when the exact distribution is not used.
 */
import { durbinMatrixCdf } from './durbinMatrix';
import { pelzGoodCdf } from './pelzGood';
import { pomeranzCdf } from './pomeranz';
import { smirnovSf } from './smirnov';

const LOG_2PI = Math.log(2 * Math.PI);
// Stirling coefficients B_2j / (2j) / (2j - 1), j = 8..1 (scipy's _STIRLING_COEFFS).
const STIRLING = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
  -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];

/** `kstwo.sf(x, n)`: P(D_n > x) for integer n >= 1 (NaN otherwise). */
export function kolmogorovSf(x: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 1) || Number.isNaN(x)) {
    return Number.NaN;
  }
  // rv_continuous.sf: 1 at or below the support's lower end 0.5/n, 0 at or above 1.
  if (x <= 0.5 / n) {
    return 1;
  }
  if (x >= 1) {
    return 0;
  }
  return kolmogn(n, x, false);
}

function clip(p: number): number {
  return Math.min(Math.max(p, 0), 1);
}

function select(cdfProb: number, sfProb: number, cdf: boolean): number {
  return clip(cdf ? cdfProb : sfProb);
}

/** log(n! / n^n) by Stirling, with n*log(n) removed up front to avoid cancellation. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polyval(STIRLING, rn / n);
}

function polyval(coefficients: readonly number[], x: number): number {
  let y = 0;
  for (const c of coefficients) {
    y = y * x + c;
  }
  return y;
}

/** `_kolmogn`: the CDF or SF of D_n. */
function kolmogn(n: number, x: number, cdf: boolean): number {
  if (x >= 1) {
    return select(1, 0, cdf);
  }
  if (x <= 0) {
    return select(0, 1, cdf);
  }
  const t = n * x;
  if (t <= 1) {
    // Ruben-Gambino: 1/2n <= x <= 1/n.
    if (t <= 0.5) {
      return select(0, 1, cdf);
    }
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) {
        prob *= i * (1 / n) * (2 * t - 1);
      }
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return select(prob, 1 - prob, cdf);
  }
  if (t >= n - 1) {
    const prob = 2 * (1 - x) ** n;
    return select(1 - prob, prob, cdf);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnovSf(n, x);
    return select(1 - prob, prob, cdf);
  }
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) {
      const prob = durbinMatrixCdf(n, x);
      return select(prob, 1 - prob, cdf);
    }
    if (nxSquared <= 4) {
      const prob = pomeranzCdf(n, x);
      return select(prob, 1 - prob, cdf);
    }
    const prob = 2 * smirnovSf(n, x);
    return select(1 - prob, prob, cdf);
  }
  if (!cdf) {
    if (nxSquared >= 370) {
      return 0;
    }
    if (nxSquared >= 2.2) {
      return clip(2 * smirnovSf(n, x));
    }
  }
  let cdfProb: number;
  if (nxSquared >= 18) {
    cdfProb = 1;
  } else if (n <= 100_000 && n * x ** 1.5 <= 1.4) {
    cdfProb = durbinMatrixCdf(n, x);
  } else {
    cdfProb = pelzGoodCdf(n, x);
  }
  return select(cdfProb, 1 - cdfProb, cdf);
}
