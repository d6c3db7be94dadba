/**
 * Rows on their way through the batcher: each request becomes a block of input tensors whose
 * first dimension is its rows; a batch is the blocks stacked; the results are cut back per block.
 */
import { allocate } from '../features/inputPlan';
import type { FeatureBatch, FeatureTensor } from '../ports/inference';

/** The input tensors of one request. */
export interface RowBlock {
  readonly rows: number;
  readonly tensors: FeatureBatch;
}

/** An output tensor of a model, in its layout; the first dimension is rows. */
export interface OutputTensor {
  /** onnxruntime's element type: float32, int64, string, bool, ... */
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: ArrayLike<number | bigint | string | boolean>;
}

/** What one batch returns: P(positive) per row, and the named outputs when asked for. */
export interface BatchResult {
  readonly scores: Float32Array;
  readonly outputs: Readonly<Record<string, OutputTensor>> | null;
}

/** Runs batches through the model off the HTTP event loop (a worker thread, in engine/node). */
export interface ModelRunner {
  /** `outputs`: the tensors to return besides the scores, or null for scores only. */
  run(batch: FeatureBatch, outputs: readonly string[] | null): Promise<BatchResult>;
}

/** The blocks stacked along the first dimension, input by input. */
export function stackBlocks(blocks: readonly RowBlock[]): FeatureBatch {
  if (blocks.length === 1) {
    return blocks[0]!.tensors;
  }
  const rows = blocks.reduce((sum, b) => sum + b.rows, 0);
  const stacked: Record<string, FeatureTensor> = {};
  for (const [name, first] of Object.entries(blocks[0]!.tensors)) {
    const perRow = first.data.length / Math.max(1, blocks[0]!.rows);
    const data = allocate(first.type, rows * perRow);
    let offset = 0;
    for (const block of blocks) {
      const part = block.tensors[name]!;
      (data as Float32Array).set(part.data as Float32Array, offset);
      offset += part.data.length;
    }
    stacked[name] = { type: first.type, dims: [rows, ...first.dims.slice(1)], data };
  }
  return stacked;
}

/** Rows [start, start + rows) of an output tensor. */
export function sliceRows(tensor: OutputTensor, start: number, rows: number): OutputTensor {
  const perRow = tensor.dims.slice(1).reduce((a, b) => a * b, 1);
  const data = Array.prototype.slice.call(tensor.data, start * perRow, (start + rows) * perRow) as (number | bigint | string | boolean)[];
  return { type: tensor.type, dims: [rows, ...tensor.dims.slice(1)], data };
}
