/** scale: x * factor + offset at full strength; while ramping, factor and offset move from 1 and 0 toward theirs. */
import { mapNumericTargets } from './chunkEdits';
import { intensityAt } from './intensity';
import type { ApplyShift } from './shiftOperator';

/** Scales the non-null values of each target inside the window. */
export const applyScale: ApplyShift<'scale'> = (chunk, shift, _rng, where) =>
  mapNumericTargets(chunk, shift.target, where, 'scale', (x, i) => {
    const w = intensityAt(shift, chunk.eventTime[i]!);
    return w > 0 ? x * (1 + w * (shift.factor - 1)) + w * shift.offset : x;
  });
