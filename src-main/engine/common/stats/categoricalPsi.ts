/**
 * PSI over categories: the seed's formula with each category as a bin (proportions clipped at
 * 1e-4, so a category new in the current sample counts against the floor, not against zero).
 */
import type { AlignedCounts } from './categoryCounts';
import { psiOfCounts } from './psi';
import { numpySum } from './numpySum';

/** PSI of the aligned counts; null when either side has no values. */
export function categoricalPsi(aligned: AlignedCounts): number | null {
  const referenceTotal = numpySum(aligned.reference);
  const currentTotal = numpySum(aligned.current);
  if (referenceTotal === 0 || currentTotal === 0) {
    return null;
  }
  return psiOfCounts(aligned.reference, referenceTotal, aligned.current, currentTotal);
}
