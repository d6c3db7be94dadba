/**
 * The tabular network (engine/common/model/tabularNet.ts) in TensorFlow.js: the trainer's model
 * and the second runtime the ONNX export is compared against. Each op mirrors one ONNX node of
 * exportTabularNet.ts (log(1 + x) as Add then Log; an embedding lookup, a Gather in ONNX, is a
 * one-hot matMul here, which selects the same row exactly).
 */
import * as tf from '@tensorflow/tfjs';
import { denseShapes, type TabularNetLayout, type TabularNetWeights } from '../../common/model/tabularNet';
import { seededRng } from '../../common/rng/seededRng';

/** The network's variables. */
export interface TfTabularNet {
  readonly layout: TabularNetLayout;
  readonly embeddings: tf.Variable[];
  readonly dense: { kernel: tf.Variable; bias: tf.Variable }[];
}

/** Fresh variables: embeddings ~ N(0, 0.05), kernels Glorot-uniform, biases 0; `seed` fixes every draw. */
export function initTabularNet(layout: TabularNetLayout, seed: number): TfTabularNet {
  const rng = seededRng(seed);
  const next = (): number => Math.floor(rng.next() * 2_147_483_647);
  const embeddings = layout.categorical.map((c) => tf.variable(tf.randomNormal([c.cardinality, c.dim], 0, 0.05, 'float32', next())));
  const dense = denseShapes(layout).map(([fanIn, fanOut]) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return { kernel: tf.variable(tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', next())), bias: tf.variable(tf.zeros([fanOut])) };
  });
  return { layout, embeddings, dense };
}

/** Variables holding given weights (to run an exported model's function in tfjs). */
export function tabularNetFromWeights(layout: TabularNetLayout, weights: TabularNetWeights): TfTabularNet {
  const shapes = denseShapes(layout);
  return {
    layout,
    embeddings: layout.categorical.map((c, k) => tf.variable(tf.tensor2d(weights.embeddings[k]!, [c.cardinality, c.dim]))),
    dense: shapes.map(([fanIn, fanOut], i) => ({
      kernel: tf.variable(tf.tensor2d(weights.dense[i]!.kernel, [fanIn, fanOut])),
      bias: tf.variable(tf.tensor1d(weights.dense[i]!.bias)),
    })),
  };
}

/** The logits [N, 1] of a [N, F] batch. */
export function tabularNetLogits(net: TfTabularNet, x: tf.Tensor2D): tf.Tensor2D {
  const parts: tf.Tensor2D[] = [];
  for (const n of net.layout.numeric) {
    let value: tf.Tensor2D = tf.gather(x, [n.column], 1);
    if (n.log1p) {
      value = tf.log(tf.add(value, 1));
    }
    parts.push(tf.div(tf.sub(value, n.mean), n.std));
  }
  net.layout.categorical.forEach((c, k) => {
    const code = tf.gather(x, c.column, 1) as unknown as tf.Tensor1D;
    const index = tf.cast(tf.clipByValue(code, 0, c.cardinality - 1), 'int32');
    // One-hot times the table selects the same row as a gather, exactly (every other term is 0),
    // and its gradient is a small matMul: tfjs's pure-JS gather gradient loops per category.
    parts.push(tf.matMul(tf.oneHot(index, c.cardinality), net.embeddings[k]!));
  });
  let h = tf.concat(parts, 1);
  net.dense.forEach(({ kernel, bias }, i) => {
    const z = tf.add(tf.matMul(h, kernel), bias) as tf.Tensor2D;
    h = i === net.dense.length - 1 ? z : tf.relu(z);
  });
  return h;
}

/** P(positive) for a [N, F] float32 matrix, as a flat Float32Array. */
export function tabularNetPredict(net: TfTabularNet, data: Float32Array, rows: number): Float32Array {
  return tf.tidy(() => tf.sigmoid(tabularNetLogits(net, tf.tensor2d(data, [rows, net.layout.inputWidth]))).dataSync() as Float32Array);
}

/** The current values of the variables. */
export function tabularNetWeights(net: TfTabularNet): TabularNetWeights {
  return {
    embeddings: net.embeddings.map((e) => Float32Array.from(e.dataSync())),
    dense: net.dense.map(({ kernel, bias }) => ({ kernel: Float32Array.from(kernel.dataSync()), bias: Float32Array.from(bias.dataSync()) })),
  };
}

/** Frees the variables. */
export function disposeTabularNet(net: TfTabularNet): void {
  net.embeddings.forEach((e) => e.dispose());
  net.dense.forEach(({ kernel, bias }) => {
    kernel.dispose();
    bias.dispose();
  });
}
