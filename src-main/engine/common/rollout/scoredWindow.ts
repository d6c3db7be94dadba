/**
 * A step's own rows scored by both models in process, on the same rows: the event-time side of
 * the step (prediction PSI, outcome once labels arrive) reads these, whatever share of the rows
 * also went through the router.
 */
import type { ColumnChunk } from '../ports/snapshot';
import type { ReadyModel } from '../run/state';
import { concatTyped } from '../stats/typedArrays';

/** The rows of one stretch of event time and what each model made of them. */
export interface ScoredWindow {
  readonly from: number;
  readonly to: number;
  readonly pieces: readonly ColumnChunk[];
  readonly rows: number;
  readonly eventTime: Float64Array;
  /** NaN where unknown. */
  readonly labels: Float64Array;
  readonly blue: Float32Array;
  readonly green: Float32Array;
}

/** Runs both models over the window's pieces. */
export async function scoreWindow(from: number, to: number, pieces: readonly ColumnChunk[], blue: ReadyModel, green: ReadyModel): Promise<ScoredWindow> {
  const blueParts: Float32Array[] = [];
  const greenParts: Float32Array[] = [];
  for (const piece of pieces) {
    blueParts.push(await blue.inference.run(await blue.toBatch(piece)));
    greenParts.push(await green.inference.run(await green.toBatch(piece)));
  }
  return {
    from,
    to,
    pieces,
    rows: pieces.reduce((n, p) => n + p.rowCount, 0),
    eventTime: concatTyped(
      pieces.map((p) => p.eventTime),
      Float64Array,
    ),
    labels: concatTyped(
      pieces.map((p) => p.label ?? new Float64Array(p.rowCount).fill(Number.NaN)),
      Float64Array,
    ),
    blue: concatTyped(blueParts, Float32Array),
    green: concatTyped(greenParts, Float32Array),
  };
}
