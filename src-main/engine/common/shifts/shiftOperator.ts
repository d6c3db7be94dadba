/**
 * The shape every shift operator has: a function of a chunk, its own shift spec and the
 * shift's seeded generator, returning a new chunk (the input is never changed). Operators that
 * draw take one uniform (two for Gaussian noise) for each row inside [start, end), whatever the
 * row holds, so the draws line up with rows however the stream is cut into chunks.
 */
import type { ColumnChunk } from '../ports/snapshot';
import type { Rng } from '../ports/rng';
import type { Shift, ShiftOperator } from '../scenario/sections/shifts';

/** The spec of one operator. */
export type ShiftOf<Op extends ShiftOperator> = Extract<Shift, { operator: Op }>;

/** One operator: `where` names the shift in errors (`shifts[2]`). */
export type ApplyShift<Op extends ShiftOperator> = (chunk: ColumnChunk, shift: ShiftOf<Op>, rng: Rng, where: string) => ColumnChunk;
