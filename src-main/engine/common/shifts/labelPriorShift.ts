/**
 * label-prior-shift: the positive rate moves while P(x | y) stays (prior shift), made by
 * resampling rows: at full strength positives are kept with probability min(1, r) and negatives
 * with min(1, 1/r), which multiplies the odds of a positive by r. While ramping the odds ratio
 * is r^intensity. Rows with no label yet are kept.
 */
import { InputError } from '../run/inputError';
import { keepRows } from './chunkEdits';
import { inSpan, intensityAt } from './intensity';
import type { ApplyShift } from './shiftOperator';

/** Keeps or drops each labelled row inside the window to move the odds of a positive. */
export const applyLabelPriorShift: ApplyShift<'label-prior-shift'> = (chunk, shift, rng, where) => {
  if (chunk.label === null) {
    throw new InputError(where, 'label-prior-shift needs a label (snapshots.production.label)');
  }
  const keep = new Uint8Array(chunk.rowCount).fill(1);
  for (let i = 0; i < chunk.rowCount; i++) {
    const t = chunk.eventTime[i]!;
    if (!inSpan(shift, t)) {
      continue;
    }
    const u = rng.next();
    const ratio = shift.oddsRatio ** intensityAt(shift, t);
    const y = chunk.label[i]!;
    if (y === 1) {
      keep[i] = u < Math.min(1, ratio) ? 1 : 0;
    } else if (y === 0) {
      keep[i] = u < Math.min(1, 1 / ratio) ? 1 : 0;
    }
  }
  return keepRows(chunk, keep);
};
