/** The status of a compared feature: its PSI band, or why there is no PSI to band. */
import type { DriftStatus } from '../../../contract/drift';
import { psiBand } from '../stats/psiBands';
import type { DriftOptions } from './driftOptions';

/** Why a comparison on these n cannot be made; null when it can. */
export function insufficiency(referenceN: number, currentN: number, minN: number): string | null {
  const short = (side: string, n: number): string =>
    n === 0 ? `no usable values in the ${side}` : `${n} usable value${n === 1 ? '' : 's'} in the ${side}, fewer than ${minN}`;
  if (referenceN < Math.max(minN, 1)) {
    return short('reference', referenceN);
  }
  if (currentN < Math.max(minN, 1)) {
    return short('current sample', currentN);
  }
  return null;
}

/** Status and reason from the PSI (null PSI: insufficient data, with `fallbackReason`). */
export function statusOf(psi: number | null, options: DriftOptions, fallbackReason: string): { status: DriftStatus; reason: string | null } {
  if (psi === null) {
    return { status: 'insufficient-data', reason: fallbackReason };
  }
  return { status: psiBand(psi, options.bands), reason: null };
}

/** A number for the report: finite, or null (JSON has no NaN; a report must not carry one). */
export function finiteOrNull(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}
