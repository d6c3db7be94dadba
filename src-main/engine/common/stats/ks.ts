/**
 * The two-sample Kolmogorov-Smirnov test, two-sided, as scipy 1.17's `ks_2samp(a, b)` computes
 * it (method "auto"): D = max |F_a - F_b| over the pooled values; the exact null distribution
 * when the larger sample has at most 10,000 values (D rounded to a multiple of 1/lcm(n, m), as
 * scipy does), falling back as scipy does when the exact value is not a probability; otherwise
 * `kstwo.sf(D, round(n*m / (n + m)))`.
 */
import { outerProbInsideMethod, probOutsideSquare } from './ksExact';
import { kolmogorovSf } from './kolmogorovDistribution';
import type { SortedSample } from './sortedSample';

/** scipy's MAX_AUTO_N: "auto" tries the exact distribution up to this many values a side. */
const KS_EXACT_MAX_N = 10_000;

/** A KS test result. */
export interface KsTest {
  readonly statistic: number;
  /** null when `statistic` was asked for. */
  readonly pValue: number | null;
  /** Which null distribution gave the p-value; null when none was asked for. */
  readonly method: 'exact' | 'asymp' | null;
}

/**
 * scipy's `method`: `auto` (exact up to 10,000 values a side) or `asymp` (always kstwo); or
 * `statistic`: D only, no p-value (a replay's thousands of windows, where the p-value costs more
 * than every other statistic together and PSI is what alerts).
 */
export type KsMethod = 'auto' | 'asymp' | 'statistic';

/** `ks_2samp(a, b, method=method)`; null when either sample is empty (scipy raises there). */
export function ks2samp(a: SortedSample, b: SortedSample, method: KsMethod = 'auto'): KsTest | null {
  const n1 = a.n;
  const n2 = b.n;
  if (n1 === 0 || n2 === 0) {
    return null;
  }
  let d = ksStatistic(a, b);
  if (method === 'statistic') {
    return { statistic: d, pValue: null, method: null };
  }
  if (method === 'auto' && Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) {
      return { statistic: d, pValue: 1, method: 'exact' };
    }
    const prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInsideMethod(n1, n2, g, h);
    if (prob >= 0 && prob <= 1) {
      return { statistic: d, pValue: prob, method: 'exact' };
    }
    // scipy warns "Exact calculation unsuccessful" and uses the asymptotic distribution.
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = (m * n) / (m + n);
  const p = kolmogorovSf(d, roundHalfEven(en));
  return { statistic: d, pValue: Math.min(Math.max(p, 0), 1), method: 'asymp' };
}

/**
 * max |F_a(x) - F_b(x)| over the pooled values, each ECDF evaluated as numpy's
 * `searchsorted(side='right') / n`, so D is bit for bit scipy's before its rounding.
 */
function ksStatistic(a: SortedSample, b: SortedSample): number {
  let i = 0;
  let j = 0;
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  const av = a.values;
  const bv = b.values;
  while (i < av.length || j < bv.length) {
    const x = j >= bv.length || (i < av.length && av[i]! <= bv[j]!) ? av[i]! : bv[j]!;
    if (i < av.length && av[i] === x) {
      i++;
    }
    if (j < bv.length && bv[j] === x) {
      j++;
    }
    const diff = (i === 0 ? 0 : a.cumulative[i - 1]!) / a.n - (j === 0 ? 0 : b.cumulative[j - 1]!) / b.n;
    max = Math.max(max, diff);
    min = Math.min(min, diff);
  }
  const minS = Math.min(Math.max(-min, 0), 1);
  return minS > max ? minS : max;
}

/** numpy's `np.round`: halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    [x, y] = [y, x % y];
  }
  return x;
}
