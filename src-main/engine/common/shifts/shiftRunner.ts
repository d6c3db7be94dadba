/**
 * The shifts of a scenario applied to a stream of chunks, in scenario order (so they compose:
 * noise on top of a unit change, a null spike after a rename, ...). Each shift has its own
 * generator, seeded from its `seed` and its position in the list, and draws row by row, so the
 * result depends on the rows and the seeds, not on where the reader cut the chunks. Chunks are
 * cut at the edges of schema breaks, which cannot hold for part of a chunk.
 */
import type { ColumnChunk } from '../ports/snapshot';
import type { Rng } from '../ports/rng';
import { seededRng } from '../rng/seededRng';
import { searchSortedLeft } from '../stats/searchSorted';
import type { Shift } from '../scenario/sections/shifts';
import { applyCategoryCollapse } from './categoryCollapse';
import { applyCategoryInjection } from './categoryInjection';
import { sliceRows } from './chunkEdits';
import { applyGaussianNoise } from './gaussianNoise';
import { applyLabelPriorShift } from './labelPriorShift';
import { applyNullSpike } from './nullSpike';
import { applyScale } from './scaleShift';
import { applyColumnMissing, applyColumnRename } from './schemaBreak';
import { applyTimezoneOffset } from './timezoneOffset';
import { applyUnitChange } from './unitChange';

/** Applies the shifts to each chunk of a stream, in stream order. */
export interface ShiftRunner {
  /** The shifted rows of `chunk`, as one or more chunks (cut at schema-break edges; rows may be dropped). */
  apply(chunk: ColumnChunk): ColumnChunk[];
}

/** One shift with its generator. */
function applyOne(chunk: ColumnChunk, shift: Shift, rng: Rng, where: string): ColumnChunk {
  switch (shift.operator) {
    case 'scale':
      return applyScale(chunk, shift, rng, where);
    case 'unit-change':
      return applyUnitChange(chunk, shift, rng, where);
    case 'gaussian-noise':
      return applyGaussianNoise(chunk, shift, rng, where);
    case 'category-injection':
      return applyCategoryInjection(chunk, shift, rng, where);
    case 'category-collapse':
      return applyCategoryCollapse(chunk, shift, rng, where);
    case 'null-spike':
      return applyNullSpike(chunk, shift, rng, where);
    case 'timezone-offset':
      return applyTimezoneOffset(chunk, shift, rng, where);
    case 'column-rename':
      return applyColumnRename(chunk, shift, rng, where);
    case 'column-missing':
      return applyColumnMissing(chunk, shift, rng, where);
    case 'label-prior-shift':
      return applyLabelPriorShift(chunk, shift, rng, where);
  }
}

/** A runner for `shifts` (the scenario's list; `shifts[i]` names a shift in errors). */
export function shiftRunner(shifts: readonly Shift[]): ShiftRunner {
  // The position is mixed into the seed so that two shifts left at the default seed do not draw the same numbers.
  const rngs = shifts.map((s, i) => seededRng((s.seed + Math.imul(i, 0x9e3779b9)) >>> 0));
  const cuts = [
    ...new Set(
      shifts
        .filter((s) => s.operator === 'column-rename' || s.operator === 'column-missing')
        .flatMap((s) => (s.end === undefined ? [s.start] : [s.start, s.end])),
    ),
  ].sort((a, b) => a - b);
  return {
    apply(chunk) {
      return cutAt(chunk, cuts).map((piece) => shifts.reduce((c, shift, i) => applyOne(c, shift, rngs[i]!, `shifts[${i}]`), piece));
    },
  };
}

/** The chunk cut before each of the given event times that falls inside it (rows are in event-time order). */
export function cutAt(chunk: ColumnChunk, times: readonly number[]): ColumnChunk[] {
  const pieces: ColumnChunk[] = [];
  let from = 0;
  for (const t of times) {
    const at = searchSortedLeft(chunk.eventTime, t, from);
    if (at > from && at < chunk.rowCount) {
      pieces.push(sliceRows(chunk, from, at));
      from = at;
    }
  }
  return from === 0 ? [chunk] : [...pieces, sliceRows(chunk, from, chunk.rowCount)];
}
