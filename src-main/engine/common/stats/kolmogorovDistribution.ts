/**
 * The survival function of the two-sided one-sample Kolmogorov-Smirnov statistic D_n, ported
 * from scipy 1.17 (`scipy.stats.kstwo.sf`, `scipy/stats/_ksstats.py` `_kolmogn`): Simard and
 * L'Ecuyer's (2011) choice among Ruben-Gambino's closed forms, Durbin's matrix (Marsaglia-Tsang-
 * Wang), Pomeranz's recursion, the Pelz-Good expansion and 2 * Smirnov's one-sided tail.
 * `ks_2samp` uses it with n = round(m*n / (m + n)) when the exact distribution is not used.
 */
import { ldexp } from './ldexp';
import { numpySum } from './numpySum';
import { smirnovSf } from './smirnov';

const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
const MIN_LOG = -708;
// Stirling coefficients B_2j / (2j) / (2j - 1), j = 8..1 (scipy's _STIRLING_COEFFS).
const STIRLING = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
  7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
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

/** Pr(D_n <= d) by Durbin's matrix algorithm as Marsaglia, Tsang and Wang compute it. */
function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) {
    return 1;
  }
  const nd = n * d;
  if (nd <= 0.5) {
    return 0;
  }
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  // H (m x m, row-major): v down the first column, its reverse along the last row, and 1/j!
  // on and below the superdiagonal.
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let hm: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) {
      hm[r * m + i] = w[r - (i - 1)]!;
    }
  }
  for (let r = 0; r < m; r++) {
    hm[r * m] = v[r]!;
  }
  for (let c = 0; c < m; c++) {
    hm[(m - 1) * m + c] = v[m - 1 - c]!;
  }
  let power: Float64Array = identity(m);
  let nn = n;
  let expnt = 0;
  let hExpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      power = matmul(power, hm, m);
      expnt += hExpnt;
    }
    hm = matmul(hm, hm, m);
    hExpnt *= 2;
    if (Math.abs(hm[(k - 1) * m + (k - 1)]!) > EP128) {
      for (let i = 0; i < hm.length; i++) {
        hm[i]! /= EP128;
      }
      hExpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = power[(k - 1) * m + (k - 1)]!;
  // Multiply by n!/n^n.
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) {
    p = ldexp(p, expnt);
  }
  return clip(p);
}

function identity(m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    out[i * m + i] = 1;
  }
  return out;
}

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) {
        continue;
      }
      for (let j = 0; j < m; j++) {
        out[i * m + j]! += aik * b[k * m + j]!;
      }
    }
  }
  return out;
}

/** The interval of row i of Pomeranz's recursion. */
function pomeranzInterval(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** Pr(D_n <= x) by Pomeranz's (1974) recursion: rows convolved with Poisson-like weights. */
function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1;
  twogpower[0] = 1;
  onem2gpower[0] = 1;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1]! * gOverN) / m;
    twogpower[m] = (twogpower[m - 1]! * twoGOverN) / m;
    onem2gpower[m] = (onem2gpower[m - 1]! * oneMinusTwoGOverN) / m;
  }
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let v0s = 0;
  let v1s = 0;
  let [j1, j2] = pomeranzInterval(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0);
    [j1, j2] = pomeranzInterval(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const start = k1 - v0s;
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      // np.convolve(V0[start:start + ln2], pwrs[:ln2]), entries convStart .. convStart + convLen.
      const aLen = Math.max(0, Math.min(ln2, npwrs - start));
      const bLen = Math.min(ln2, npwrs);
      let max = 0;
      for (let c = 0; c < convLen; c++) {
        const idx = convStart + c;
        let s = 0;
        for (let q = Math.max(0, idx - (bLen - 1)); q <= Math.min(idx, aLen - 1); q++) {
          s += v0[start + q]! * pwrs[idx - q]!;
        }
        v1[c] = s;
        max = Math.max(max, s);
      }
      if (max > 0 && max < EM128) {
        for (let c = 0; c < npwrs; c++) {
          v1[c]! *= EP128;
        }
        expnt -= E128;
      }
      v1s = v0s + j1 - k1;
    }
  }
  let ans = v1[n - v1s]!;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) {
    ans = ldexp(ans, expnt);
  }
  return clip(ans);
}

/** The Pelz-Good (1976) approximation of Pr(D_n <= x), suited to small x * sqrt(n). */
function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) {
    return 0;
  }
  if (x >= 1) {
    return 1;
  }
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qlog = -PI_SQUARED / 8 / z2;
  if (qlog < MIN_LOG) {
    return 0;
  }
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * z2)) / 16;
  const k3d = (PI_SIX * (5 - 30 * z2)) / 64;
  const k3c = (PI_FOUR * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const k = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let kk = maxk; kk > 0; kk--) {
    const m = 2 * kk - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = q ** (8 * kk);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) {
      k[i] = k[i]! * qpower + coeffs[i]!;
    }
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) {
    k[i] = (k[i]! * q * SQRT_2PI) / divisors[i]!;
  }
  q = Math.exp(-PI_SQUARED / 2 / z2);
  const sqrt3z = SQRT3 * z;
  const k2terms = new Float64Array(maxk);
  const k3terms = new Float64Array(maxk);
  for (let kk = maxk; kk > 0; kk--) {
    const ks2 = kk * kk;
    const qp = q ** ks2;
    const kspi = Math.PI * kk;
    k2terms[maxk - kk] = ks2 * qp;
    k3terms[maxk - kk] = (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
  }
  k[2] = k[2]! + numpySum(k2terms) * ((PI_SQUARED * SQRT_2PI) / (-36 * z3));
  k[3] = k[3]! + numpySum(k3terms) * ((PI_SQUARED * SQRT_2PI) / (216 * z6));
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    sum += k[i]! / n ** (i / 2);
  }
  return sum;
}
