/**
 * Smirnov's one-sided KS tail P(D_n^+ >= x), as `scipy.special.smirnov` computes it (scipy 1.17,
 * xsf `cephes/kolmogorov.h` `_smirnov`): the Birnbaum-Tingey/Smirnov sum
 *   x * sum_{v=0}^{floor(n(1-x))} C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v),
 * or its upper form when that has at most 3 terms, the same closed forms at the ends and the
 * same approximation for n > 1e6, with the same early stop. As in xsf, the bases x + v/n and
 * 1 - x - v/n and the binomial coefficient are carried as unevaluated pairs of doubles, and
 * powers and coefficients beyond float64's range as mantissa and exponent; xsf's double-double
 * accumulator is a compensated sum here (agreement checked by test/fixtures/drift).
 */

import { frexp, ratioPlus, twoProduct, twoSum } from './floatPairs';
import { ldexp } from './ldexp';

const EPSILON = 2 ** -52;
// cephes MINLOG: log(2^-1075); exp of anything below is 0.
const MIN_LOG = -7.451332191019412076235e2;
const MAX_COMPUTE_N = 1_000_000;
const UPPER_MAX_TERMS = 3;
const UPPERSUM_MIN_N = 10;
// xsf's SM_MAX_EXPONENT: keep powers above 2^-960 so both halves of a pair stay normal.
const MAX_EXPONENT = 960;

/** `scipy.special.smirnov(n, x)`: P(D_n^+ >= x) for integer n >= 1, 0 <= x <= 1. */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) {
    return Number.NaN;
  }
  if (n === 1) {
    return 1 - x;
  }
  if (x === 0) {
    return 1;
  }
  if (x === 1) {
    return 0;
  }
  const [nxfl, alpha] = floorAndFraction(n, x);
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  // With alpha 0 the last term belongs to neither sum.
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    // x <= 1/n.
    return clip(1 - x * onePlusPower(x, n - 1));
  }
  if (-2 * n * x * x < MIN_LOG) {
    return 0;
  }
  if (nxfl >= n - 1) {
    // x >= 1 - 1/n.
    return clip(onePlusPower(-x, n));
  }
  if (n > MAX_COMPUTE_N) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    return clip(logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp));
  }
  const upperTerms = n - n1mxceil + 1;
  const useUpperSum = (upperTerms <= 1 && x < 0.5) || (n >= UPPERSUM_MIN_N && upperTerms <= UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));
  const start = useUpperSum ? n : 0;
  const step = useUpperSum ? -1 : 1;
  const nTerms = useUpperSum ? n - n1mxceil + 1 : n1mxfl + 1;
  const vmid = Math.floor(n / 2);
  const sum = new CompensatedSum();
  sum.add(useUpperSum ? onePlusPower(x, n - 1) : onePlusPower(-x, n) / x);
  const binomial = new ScaledBinomial(n);
  for (let j = 1; j < nTerms; j++) {
    const v = start + j * step;
    const aj = termAv(n, x, v, binomial);
    if (Number.isFinite(aj) && aj !== 0) {
      sum.add(aj);
    }
    if (aj !== 0) {
      if (4 * (nTerms - j) * Math.abs(aj) < EPSILON * sum.value() && j !== nTerms - 1) {
        break;
      }
    } else if (j > vmid) {
      break;
    }
    binomial.next(j);
  }
  const prob = x * sum.value();
  return clip(step < 0 ? 1 - prob : prob);
}

/** A_v = C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v); the second base is negative in the upper sum. */
function termAv(n: number, x: number, v: number, binomial: ScaledBinomial): number {
  const [t1Hi, t1Lo] = ratioPlus(v, n, x);
  const [t2Hi, t2Lo] = ratioPlus(n - v, n, -x);
  const t1 = pairPower(t1Hi, t1Lo, v - 1);
  const t2 = pairPower(t2Hi, t2Lo, n - v);
  return ldexp((binomial.hi + binomial.lo) * t1.mantissa * t2.mantissa, binomial.exponent + t1.exponent + t2.exponent);
}

/** (1 + y)^m, the base kept exact as a pair. */
function onePlusPower(y: number, m: number): number {
  const [hi, lo] = twoSum(1, y);
  const p = pairPower(hi, lo, m);
  return ldexp(p.mantissa, p.exponent);
}

/** A value as mantissa * 2^exponent, |mantissa| in [0.5, 1) (or 0): beyond float64's range. */
interface Scaled {
  readonly mantissa: number;
  readonly exponent: number;
}

/** (hi + lo)^m for an integer m >= 0: hi^m kept in range, times (1 + lo/hi)^m as xsf's pow_D. */
function pairPower(hi: number, lo: number, m: number): Scaled {
  if (m === 0) {
    return { mantissa: 0.5, exponent: 1 };
  }
  if (hi === 0) {
    return { mantissa: 0, exponent: 0 };
  }
  const power = scaledPower(Math.abs(hi), m);
  const r = lo / hi;
  let adjustment = m * r;
  if (Math.abs(adjustment) > 1e-8) {
    adjustment = Math.abs(adjustment) < 1e-4 ? adjustment + m * r * (((m - 1) / 2) * r) : Math.expm1(m * Math.log1p(r));
  }
  const sign = hi < 0 && m % 2 === 1 ? -1 : 1;
  const [mantissa, shift] = frexp(sign * (power.mantissa + power.mantissa * adjustment));
  return { mantissa, exponent: power.exponent + shift };
}

/**
 * a^m (a > 0, m >= 1) as mantissa and exponent, as xsf's pow2Scaled_D splits it: a = y 2^yE,
 * and y^m directly while it stays above 2^-960, else (y^k)^q y^r.
 */
function scaledPower(a: number, m: number): Scaled {
  const [y, yE] = frexp(a);
  if (m === 1) {
    return { mantissa: y, exponent: yE };
  }
  let maxExponent = MAX_EXPONENT;
  if ((m * (y - 1)) / y < -MAX_EXPONENT * Math.LN2) {
    const lg2y = Math.log(y) / Math.LN2;
    if (m * lg2y <= -MAX_EXPONENT) {
      maxExponent = Math.trunc(nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
    }
  }
  if (m <= maxExponent) {
    const [mantissa, exponent] = frexp(y ** m);
    return { mantissa, exponent: exponent + m * yE };
  }
  const q = Math.floor(m / maxExponent);
  const rest = m % maxExponent;
  const yToRest = scaledPower(y, rest === 0 ? 1 : rest);
  const yToMax = scaledPower(y, maxExponent);
  const yToMaxQ = scaledPower(yToMax.mantissa, q);
  const [mantissa, exponent] = frexp((rest === 0 ? 1 : yToRest.mantissa) * yToMaxQ.mantissa);
  return { mantissa, exponent: exponent + yToMaxQ.exponent + yToMax.exponent * q + (rest === 0 ? 0 : yToRest.exponent) + m * yE };
}

/** xsf's nextPowerOf2 (which rounds x up by a unit in the last place). */
function nextPowerOf2(x: number): number {
  const q = ldexp(x, -52);
  let l = Math.abs(q + x);
  if (l === 0) {
    l = Math.abs(x);
  } else if (Math.trunc(l) === l) {
    l = Math.trunc(l);
  }
  return l;
}

/** C(n, j) as an unevaluated pair times 2^exponent, updated as C(n, j+1) = C(n, j) (n-j)/(j+1). */
class ScaledBinomial {
  hi: number;
  lo = 0;
  exponent: number;

  /** Starts at C(n, 1) = n. */
  constructor(private readonly n: number) {
    [this.hi, this.exponent] = frexp(n);
  }

  /** From C(n, j) to C(n, j + 1). */
  next(j: number): void {
    const [rHi, rLo] = ratioPlus(this.n - j, j + 1, 0);
    const [p, e] = twoProduct(this.hi, rHi);
    const [hi, lo] = twoSum(p, e + this.hi * rLo + this.lo * rHi);
    const [mantissa, shift] = frexp(hi);
    this.hi = mantissa;
    this.lo = lo * 2 ** -shift;
    this.exponent += shift;
  }
}

/** floor(n x) and its fractional part, exactly (n x as an exact pair of doubles). */
function floorAndFraction(n: number, x: number): [number, number] {
  const [p, e] = twoProduct(n, x);
  let whole = Math.floor(p);
  let fraction = p - whole + e;
  if (fraction < 0) {
    whole -= 1;
    fraction += 1;
  }
  if (fraction >= 1) {
    whole += 1;
    fraction = 0;
  }
  return [whole, fraction];
}

function clip(p: number): number {
  return Math.min(Math.max(p, 0), 1);
}

/** Neumaier's compensated sum, standing in for xsf's double-double accumulator. */
class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(x: number): void {
    const t = this.sum + x;
    this.compensation += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }

  value(): number {
    return this.sum + this.compensation;
  }
}
