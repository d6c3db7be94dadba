/**
 * column-rename and column-missing: a schema break upstream. Within [start, end) the column is
 * gone, or there under another name; what reads it by name then fails, which is the point. A
 * chunk is all in or all out of the span (the runner cuts chunks at its edges), since a column
 * cannot be present for half a chunk's rows.
 */
import type { ColumnChunk } from '../ports/snapshot';
import { withColumnsRenamed } from './chunkEdits';
import { inSpan, type ShiftTiming } from './intensity';
import type { ApplyShift } from './shiftOperator';

/** Whether the whole chunk is inside the span; an error if it straddles an edge. */
function chunkInSpan(chunk: ColumnChunk, shift: ShiftTiming): boolean {
  if (chunk.rowCount === 0) {
    return false;
  }
  const first = inSpan(shift, chunk.eventTime[0]!);
  if (first !== inSpan(shift, chunk.eventTime[chunk.rowCount - 1]!)) {
    throw new Error('schema break: the chunk straddles the shift start or end; cut it there first (shiftRunner does)');
  }
  return first;
}

/** Renames the target while the chunk is inside the window. */
export const applyColumnRename: ApplyShift<'column-rename'> = (chunk, shift) =>
  chunkInSpan(chunk, shift) ? withColumnsRenamed(chunk, { [shift.target[0]!]: shift.to }) : chunk;

/** Drops the targets while the chunk is inside the window. */
export const applyColumnMissing: ApplyShift<'column-missing'> = (chunk, shift) =>
  chunkInSpan(chunk, shift) ? withColumnsRenamed(chunk, Object.fromEntries(shift.target.map((name) => [name, null]))) : chunk;
