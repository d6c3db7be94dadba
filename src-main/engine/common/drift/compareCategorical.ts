/**
 * One categorical feature, current against reference: chi-squared on the contingency table,
 * Jensen-Shannon distance, PSI over categories, unseen share, null rates, each with its n.
 */
import type { CategoricalFeatureDrift } from '../../../contract/drift';
import { categoricalPsi } from '../stats/categoricalPsi';
import { alignCategories } from '../stats/categoryCounts';
import { chiSquaredContingency } from '../stats/chiSquared';
import { nullRate } from '../stats/dataQuality';
import { jensenShannonDistance } from '../stats/jensenShannon';
import { unseenShare } from '../stats/unseenShare';
import type { CategorySide } from './categorySide';
import type { DriftOptions } from './driftOptions';
import { finiteOrNull, insufficiency, statusOf } from './driftStatus';

/** Compares the two sides of one feature. */
export function compareCategorical(name: string, reference: CategorySide, current: CategorySide, options: DriftOptions): CategoricalFeatureDrift {
  const base = {
    name,
    kind: 'categorical' as const,
    n: { reference: reference.counts.n, current: current.counts.n },
    rows: { reference: reference.rows, current: current.rows },
    nullRate: { reference: nullRate(reference.nulls, reference.rows), current: nullRate(current.nulls, current.rows) },
    leftOut: { reference: onlyNulls(reference.nulls), current: onlyNulls(current.nulls) },
    categories: { reference: reference.counts.counts.size, current: current.counts.counts.size },
  };
  const short = insufficiency(reference.counts.n, current.counts.n, options.minN);
  if (short !== null) {
    return { ...base, status: 'insufficient-data', reason: short, psi: null, chi2: null, chi2PValue: null, chi2Dof: null, jsd: null, unseenShare: null };
  }
  const aligned = alignCategories(reference.counts, current.counts);
  const psi = finiteOrNull(categoricalPsi(aligned));
  const chi2 = chiSquaredContingency(aligned.reference, aligned.current);
  return {
    ...base,
    ...statusOf(psi, options, 'no categories to compare'),
    psi,
    chi2: finiteOrNull(chi2?.statistic),
    chi2PValue: finiteOrNull(chi2?.pValue),
    chi2Dof: chi2?.dof ?? null,
    jsd: finiteOrNull(jensenShannonDistance(aligned.reference, aligned.current)),
    unseenShare: finiteOrNull(unseenShare(reference.counts, current.counts)),
  };
}

function onlyNulls(nulls: number) {
  return { null: nulls, nan: 0, infinity: 0, notNumeric: 0 };
}
