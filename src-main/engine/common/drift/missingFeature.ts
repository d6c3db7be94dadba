/**
 * A feature one side does not have at all: a schema break (a column renamed or dropped
 * upstream). It is a finding with its own status, not a crash and not "no drift".
 */
import type { FeatureDrift, FeatureKind } from '../../../contract/drift';
import type { DriftOptions } from './driftOptions';

/** The entry for a column present on one side only. */
export function missingFeature(
  name: string,
  kind: FeatureKind,
  missingFrom: 'reference' | 'current',
  rows: { reference: number; current: number },
  options: DriftOptions,
): FeatureDrift {
  const none = { null: 0, nan: 0, infinity: 0, notNumeric: 0 };
  const common = {
    name,
    status: 'missing' as const,
    reason: `column missing from the ${missingFrom === 'current' ? 'current sample' : 'reference'} (schema break)`,
    psi: null,
    n: { reference: 0, current: 0 },
    rows,
    nullRate: { reference: null, current: null },
    leftOut: { reference: none, current: none },
  };
  if (kind === 'numeric') {
    return {
      ...common,
      kind,
      binning: options.binning,
      bins: options.bins,
      ks: null,
      ksPValue: null,
      ksMethod: null,
      wasserstein: null,
      outOfRangeShare: null,
    };
  }
  return { ...common, kind, chi2: null, chi2PValue: null, chi2Dof: null, jsd: null, unseenShare: null, categories: { reference: 0, current: 0 } };
}
