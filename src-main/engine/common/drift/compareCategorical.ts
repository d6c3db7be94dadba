/**
 * One categorical feature, current against reference: chi-squared on the contingency table,
 * Jensen-Shannon distance, PSI over categories, unseen share, null rates, each with its n.
 */
import type { CategoricalFeatureDrift } from '../../../contract/drift';
import { categoricalPsi } from '../stats/categoricalPsi';
import { alignCategories, type AlignedCounts } from '../stats/categoryCounts';
import { chiSquaredContingency } from '../stats/chiSquared';
import { nullRate } from '../stats/dataQuality';
import { jensenShannonDistance } from '../stats/jensenShannon';
import { numpySum } from '../stats/numpySum';
import type { CategorySide } from './categorySide';
import type { DriftOptions } from './driftOptions';
import { finiteOrNull, insufficiency, statusOf } from './driftStatus';

/** Rows and nulls of one side. */
export interface SideRows {
  readonly rows: number;
  readonly nulls: number;
}

/** Compares the two sides of one feature. */
export function compareCategorical(name: string, reference: CategorySide, current: CategorySide, options: DriftOptions): CategoricalFeatureDrift {
  return compareAlignedCategories(name, alignCategories(reference.counts, current.counts), reference, current, options);
}

/**
 * The same comparison from counts already aligned over the categories either side has (in
 * code-point order, no category empty on both sides): the replay keeps its categories coded and
 * aligns them without building a map per window.
 */
export function compareAlignedCategories(
  name: string,
  aligned: AlignedCounts,
  reference: SideRows,
  current: SideRows,
  options: DriftOptions,
): CategoricalFeatureDrift {
  const referenceN = numpySum(aligned.reference);
  const currentN = numpySum(aligned.current);
  let referenceCategories = 0;
  let currentCategories = 0;
  let unseen = 0;
  for (let i = 0; i < aligned.categories.length; i++) {
    referenceCategories += aligned.reference[i]! > 0 ? 1 : 0;
    currentCategories += aligned.current[i]! > 0 ? 1 : 0;
    unseen += aligned.reference[i] === 0 ? aligned.current[i]! : 0;
  }
  const base = {
    name,
    kind: 'categorical' as const,
    n: { reference: referenceN, current: currentN },
    rows: { reference: reference.rows, current: current.rows },
    nullRate: { reference: nullRate(reference.nulls, reference.rows), current: nullRate(current.nulls, current.rows) },
    leftOut: { reference: onlyNulls(reference.nulls), current: onlyNulls(current.nulls) },
    categories: { reference: referenceCategories, current: currentCategories },
  };
  const short = insufficiency(referenceN, currentN, options.minN);
  if (short !== null) {
    return { ...base, status: 'insufficient-data', reason: short, psi: null, chi2: null, chi2PValue: null, chi2Dof: null, jsd: null, unseenShare: null };
  }
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
    unseenShare: finiteOrNull(unseen / currentN),
  };
}

function onlyNulls(nulls: number) {
  return { null: nulls, nan: 0, infinity: 0, notNumeric: 0 };
}
