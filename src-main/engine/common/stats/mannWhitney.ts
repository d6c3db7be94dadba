/**
 * The Mann-Whitney U test as `scipy.stats.mannwhitneyu(x, y, method='asymptotic')` computes it
 * (two-sided, continuity correction, tie-corrected variance), plus effect sizes. Used by the
 * rollout's statistical judge (after Spinnaker's Kayenta).
 */
import { normalSf } from './normal';

export interface MannWhitneyResult {
  /** U of the first sample (scipy's `statistic`). */
  readonly u: number;
  readonly pValue: number;
  /** Rank-biserial correlation 2U/(n1 n2) - 1, in [-1, 1]; positive when x tends to exceed y. */
  readonly rankBiserial: number;
  /** Probability of superiority U/(n1 n2): P(x > y) + P(x = y)/2. */
  readonly superiority: number;
  readonly n1: number;
  readonly n2: number;
}

/** Two-sided asymptotic test on the finite values of each sample; null when either has none. */
export function mannWhitneyU(x: ArrayLike<number>, y: ArrayLike<number>): MannWhitneyResult | null {
  const a = finite(x);
  const b = finite(y);
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) {
    return null;
  }
  const all = new Float64Array(n1 + n2);
  all.set(a);
  all.set(b, n1);
  const order = Array.from({ length: n1 + n2 }, (_, i) => i).sort((i, j) => all[i]! - all[j]!);
  let rankSumX = 0;
  let tieTerm = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && all[order[end + 1]!] === all[order[start]!]) {
      end++;
    }
    const t = end - start + 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (order[k]! < n1) {
        rankSumX += rank;
      }
    }
    tieTerm += t * t * t - t;
    start = end + 1;
  }
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const mu = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  let pValue: number;
  if (variance <= 0) {
    pValue = 1;
  } else {
    // scipy: U = max(U1, U2), z = (U - mu - 0.5) / s, p = 2 * sf(z), clipped to [0, 1].
    const uMax = Math.max(u, n1 * n2 - u);
    const z = (uMax - mu - 0.5) / Math.sqrt(variance);
    pValue = Math.min(1, Math.max(0, 2 * normalSf(z)));
  }
  return { u, pValue, rankBiserial: (2 * u) / (n1 * n2) - 1, superiority: u / (n1 * n2), n1, n2 };
}

function finite(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      out.push(v);
    }
  }
  return Float64Array.from(out);
}
