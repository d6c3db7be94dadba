/**
 * The exact two-sided p-value of the two-sample KS statistic, ported from scipy 1.17
 * (`scipy/stats/_stats_py.py` `_compute_prob_outside_square` for equal sizes, and
 * `scipy/stats/_stats_pythran.py` `_compute_outer_prob_inside_method` otherwise; Hodges 1958,
 * Viehmann 2021). Same operations in the same order, so the same float64 results.
 */

/**
 * P(D_{n,n} >= h/n): the share of lattice paths that leave the band |x - y| < h, as
 * 2 * (binom(2n, n-h) - binom(2n, n-2h) + ...) / binom(2n, n) evaluated Horner-like to avoid
 * the cancellation of the alternating sum. n > 0, 0 < h <= n.
 */
export function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) {
      p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    }
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/**
 * The share of lattice paths from (0, 0) to (m, n) that do not stay strictly inside
 * |x/m - y/n| < h / lcm(m, n), computed directly as 1 - p column by column with a sliding
 * window (the "inside method"). g = gcd(m, n), 0 < h <= lcm(m, n).
 */
export function outerProbInsideMethod(m0: number, n0: number, g: number, h: number): number {
  const [m, n] = m0 < n0 ? [n0, m0] : [m0, n0];
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const a = new Float64Array(lenA).fill(1);
  a.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) {
      return 1;
    }
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (a[jj + minj - lastminj]! * i + val * j) / (i + j);
      a[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) {
      a.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
    }
  }
  return a[maxj - minj - 1]!;
}
