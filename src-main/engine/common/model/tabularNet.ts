/**
 * The demo's model family, described as plain data so that the trainer (tfjs) and the ONNX
 * exporter build the same function from one description. Input: one float32 [N, F] matrix of
 * feature values, categorical features as integer codes. Numeric columns are standardized
 * (optionally after log(1 + x)); each categorical column indexes its own embedding table (codes
 * outside [0, cardinality) are clipped to the edge); the parts are concatenated, pass through
 * ReLU layers, and a sigmoid gives P(positive) as [N, 1].
 */

/** A numeric input column and its standardization. */
export interface NumericInput {
  readonly column: number;
  readonly name: string;
  readonly log1p: boolean;
  readonly mean: number;
  readonly std: number;
}

/** A categorical input column (integer codes 0..cardinality-1) and its embedding width. */
export interface CategoricalInput {
  readonly column: number;
  readonly name: string;
  readonly cardinality: number;
  readonly dim: number;
}

/** The shape of a network. */
export interface TabularNetLayout {
  readonly inputWidth: number;
  readonly numeric: readonly NumericInput[];
  readonly categorical: readonly CategoricalInput[];
  /** Widths of the hidden ReLU layers. */
  readonly hidden: readonly number[];
}

/** A dense layer: kernel [in, out] row-major and bias [out]. */
export interface DenseWeights {
  readonly kernel: Float32Array;
  readonly bias: Float32Array;
}

/** The trained values: one embedding [cardinality, dim] per categorical input, then the dense layers (the last has width 1). */
export interface TabularNetWeights {
  readonly embeddings: readonly Float32Array[];
  readonly dense: readonly DenseWeights[];
}

/** Width of the concatenated input to the first dense layer. */
export function concatWidth(layout: TabularNetLayout): number {
  return layout.numeric.length + layout.categorical.reduce((n, c) => n + c.dim, 0);
}

/** [in, out] of each dense layer, the output layer last. */
export function denseShapes(layout: TabularNetLayout): [number, number][] {
  const widths = [concatWidth(layout), ...layout.hidden, 1];
  return widths.slice(0, -1).map((width, i) => [width, widths[i + 1]!]);
}
