/**
 * One numeric feature, current against reference: PSI on the chosen binning, KS, Wasserstein,
 * out-of-range share, null rates and what was left out, each with its n.
 */
import type { NumericFeatureDrift } from '../../../contract/drift';
import { nullRate, outOfRangeShare } from '../stats/dataQuality';
import { equalWidthPsi } from '../stats/equalWidthPsi';
import { ks2samp } from '../stats/ks';
import { quantilePsi } from '../stats/quantilePsi';
import { wassersteinDistance } from '../stats/wasserstein';
import type { DriftOptions } from './driftOptions';
import { finiteOrNull, insufficiency, statusOf } from './driftStatus';
import type { NumericSide } from './numericSide';

/** Compares the two sides of one feature. */
export function compareNumeric(name: string, reference: NumericSide, current: NumericSide, options: DriftOptions): NumericFeatureDrift {
  const base = {
    name,
    kind: 'numeric' as const,
    binning: options.binning,
    bins: options.bins,
    n: { reference: reference.sample.n, current: current.sample.n },
    rows: { reference: reference.rows, current: current.rows },
    nullRate: { reference: nullRate(reference.leftOut.null, reference.rows), current: nullRate(current.leftOut.null, current.rows) },
    leftOut: { reference: reference.leftOut, current: current.leftOut },
  };
  const short = insufficiency(reference.sample.n, current.sample.n, options.minN);
  if (short !== null) {
    return {
      ...base,
      status: 'insufficient-data',
      reason: short,
      psi: null,
      ks: null,
      ksPValue: null,
      ksMethod: null,
      wasserstein: null,
      outOfRangeShare: null,
    };
  }
  const binned =
    options.binning === 'quantile'
      ? quantilePsi(reference.sample, current.sample, options.bins)
      : equalWidthPsi(reference.sample, current.sample, options.bins);
  const psi = finiteOrNull(binned?.psi);
  const ks = ks2samp(reference.sample, current.sample, options.ksMethod);
  return {
    ...base,
    ...statusOf(psi, options, 'the joint range of the values is too wide to bin in float64'),
    psi,
    ks: finiteOrNull(ks?.statistic),
    ksPValue: finiteOrNull(ks?.pValue),
    ksMethod: ks?.method ?? null,
    wasserstein: finiteOrNull(wassersteinDistance(reference.sample, current.sample)),
    outOfRangeShare: finiteOrNull(outOfRangeShare(reference.sample, current.sample)),
  };
}
