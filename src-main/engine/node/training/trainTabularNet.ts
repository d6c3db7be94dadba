/**
 * Trains the tabular network with TensorFlow.js: mini-batch Adam on the binary cross-entropy of
 * the logits, rows shuffled each epoch by the seeded generator of engine/common, variables drawn
 * from the same seed. On the pure-JS backend the same data and seed give the same weights, bit
 * for bit (tested by training twice on a slice).
 */
import * as tf from '@tensorflow/tfjs';
import type { TabularNetLayout, TabularNetWeights } from '../../common/model/tabularNet';
import { seededRng } from '../../common/rng/seededRng';
import { disposeTabularNet, initTabularNet, tabularNetLogits, tabularNetWeights } from './tabularNetTf';

/** Hyper-parameters. */
export interface TrainingOptions {
  readonly seed: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Called after each epoch with its mean training loss. */
  readonly onEpoch?: (epoch: number, loss: number) => void;
}

/** Training rows: a row-major [rows, layout.inputWidth] matrix and 0/1 labels. */
export interface TrainingData {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly rows: number;
}

/** The trained weights and each epoch's mean loss. */
export interface TrainingResult {
  readonly weights: TabularNetWeights;
  readonly losses: readonly number[];
}

/** Trains from scratch. */
export function trainTabularNet(layout: TabularNetLayout, data: TrainingData, options: TrainingOptions): TrainingResult {
  const width = layout.inputWidth;
  if (data.x.length !== data.rows * width || data.y.length !== data.rows) {
    throw new Error(`training data: expected ${data.rows} rows of ${width} features and ${data.rows} labels`);
  }
  const net = initTabularNet(layout, options.seed);
  const variables = [...net.embeddings, ...net.dense.flatMap((d) => [d.kernel, d.bias])];
  const optimizer = tf.train.adam(options.learningRate);
  const rng = seededRng(options.seed);
  const order = Uint32Array.from({ length: data.rows }, (_, i) => i);
  const xb = new Float32Array(options.batchSize * width);
  const yb = new Float32Array(options.batchSize);
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, rng.next);
    let total = 0;
    for (let start = 0; start < data.rows; start += options.batchSize) {
      const n = Math.min(options.batchSize, data.rows - start);
      for (let i = 0; i < n; i++) {
        const row = order[start + i]!;
        xb.set(data.x.subarray(row * width, (row + 1) * width), i * width);
        yb[i] = data.y[row]!;
      }
      const loss = optimizer.minimize(
        () => {
          const x = tf.tensor2d(xb.subarray(0, n * width), [n, width]);
          const y = tf.tensor2d(yb.subarray(0, n), [n, 1]);
          return tf.losses.sigmoidCrossEntropy(y, tabularNetLogits(net, x)) as tf.Scalar;
        },
        true,
        variables,
      );
      total += loss!.dataSync()[0]! * n;
      loss!.dispose();
    }
    losses.push(total / data.rows);
    options.onEpoch?.(epoch + 1, total / data.rows);
  }
  const weights = tabularNetWeights(net);
  optimizer.dispose();
  disposeTabularNet(net);
  return { weights, losses };
}

/** Fisher-Yates with the injected generator. */
function shuffle(order: Uint32Array, next: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}
