/** Runs batches through a model. Implemented with onnxruntime-node in engine/node (STYLE.md 2). */
import type { TensorInfo } from '../../../contract/events';

/** Element types a feature tensor may carry. */
export type FeatureDType = 'float32' | 'float64' | 'int64';

/** One input tensor, row-major. */
export interface FeatureTensor {
  readonly type: FeatureDType;
  readonly dims: readonly number[];
  readonly data: Float32Array | Float64Array | BigInt64Array;
}

/** The inputs of one batch, by input name. */
export type FeatureBatch = Readonly<Record<string, FeatureTensor>>;

/** A loaded model. */
export interface Inference {
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  /** The execution provider actually in use. */
  readonly executionProvider: string;
  /** The probability of the positive class, one per row of the batch. */
  run(batch: FeatureBatch): Promise<Float32Array>;
  close(): Promise<void>;
}
