/**
 * The per-row coin of a shift: for each row inside [start, end), one uniform from the shift's
 * generator, whatever the row holds, so draws line up with rows however the stream is chunked.
 */
import type { ColumnChunk } from '../ports/snapshot';
import type { Rng } from '../ports/rng';
import { inSpan, intensityAt, type ShiftTiming } from './intensity';

/** 1 for the rows the shift hits: probability `chance(intensity)` inside the window, never outside. */
export function drawRows(chunk: ColumnChunk, shift: ShiftTiming, rng: Rng, chance: (intensity: number) => number): Uint8Array {
  const hit = new Uint8Array(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) {
    const t = chunk.eventTime[i]!;
    if (inSpan(shift, t)) {
      hit[i] = rng.next() < chance(intensityAt(shift, t)) ? 1 : 0;
    }
  }
  return hit;
}
