/**
 * Pearson's chi-squared test of the reference-vs-current contingency table (2 rows, one column
 * per category), as `scipy.stats.chi2_contingency(table)` computes it by default: expected
 * counts row_sum * col_sum / total, Yates' continuity correction when there is one degree of
 * freedom (two categories), the statistic summed as numpy sums, p = chi2.sf(stat, dof).
 */
import { upperRegularizedGamma } from './gamma';
import { numpySum } from './numpySum';

/** A chi-squared test result. */
export interface ChiSquaredTest {
  readonly statistic: number;
  readonly pValue: number;
  readonly dof: number;
}

/**
 * The test on per-category counts of two samples (same category order on both sides; every
 * category seen on at least one side). Null when a side is empty or there is no category.
 */
export function chiSquaredContingency(reference: ArrayLike<number>, current: ArrayLike<number>): ChiSquaredTest | null {
  const k = reference.length;
  const rows = [reference, current];
  const rowSums = rows.map((row) => numpySum(row));
  const columnSums = Array.from({ length: k }, (_, j) => reference[j]! + current[j]!);
  const total = rowSums[0]! + rowSums[1]!;
  if (k === 0 || rowSums[0] === 0 || rowSums[1] === 0 || columnSums.some((c) => c === 0)) {
    // scipy raises: an expected frequency would be zero.
    return null;
  }
  const dof = k - 1;
  if (dof === 0) {
    // One category: observed equals expected (scipy's degenerate case).
    return { statistic: 0, pValue: 1, dof };
  }
  const terms = new Float64Array(2 * k);
  rows.forEach((row, r) => {
    for (let j = 0; j < k; j++) {
      const expected = (rowSums[r]! * columnSums[j]!) / total;
      let observed = row[j]!;
      if (dof === 1) {
        // Yates: move each count toward its expectation by at most 0.5.
        const diff = expected - observed;
        observed += Math.min(0.5, Math.abs(diff)) * Math.sign(diff);
      }
      terms[r * k + j] = (observed - expected) ** 2 / expected;
    }
  });
  const statistic = numpySum(terms);
  return { statistic, pValue: upperRegularizedGamma(dof / 2, statistic / 2), dof };
}
