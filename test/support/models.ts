/** Small ONNX models written by the project's own writer, for tests that need a model of a given layout. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatDigestFile } from '../../src-main/engine/common/model/digestFile';
import { sha256File } from '../../src-main/engine/node/model/modelFolder';
import { encodeModel, logisticRegression, type ModelSpec } from '../../src-main/engine/node/onnx/onnxModel';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';

/** Writes a model folder (model.onnx, model.sha256, optional card) and returns its path. */
export function writeModelFolder(dir: string, bytes: Uint8Array, card?: object): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.onnx'), bytes);
  const files = ['model.onnx'];
  if (card) {
    writeFileSync(join(dir, 'model-card.json'), JSON.stringify(card, null, 2));
    files.push('model-card.json');
  }
  writeFileSync(join(dir, 'model.sha256'), formatDigestFile(files.map((file) => ({ file, sha256: sha256File(join(dir, file)) }))));
  return dir;
}

/** sigmoid(w . x + b) over a [N, F] matrix input. */
export function matrixModel(weights: readonly number[], bias: number): Uint8Array {
  return logisticRegression({ weights, bias });
}

/** One [N] input per feature, summed with weights, then sigmoid; output (N,2) [1-p, p]. */
export function perFeatureModel(names: readonly string[], weights: readonly number[], bias: number): Uint8Array {
  const nodes: ModelSpec['nodes'][number][] = [];
  names.forEach((name, i) => {
    nodes.push({ op: 'Mul', inputs: [name, `w${i}`], outputs: [`t${i}`] });
  });
  let acc = 't0';
  for (let i = 1; i < names.length; i++) {
    nodes.push({ op: 'Add', inputs: [acc, `t${i}`], outputs: [`s${i}`] });
    acc = `s${i}`;
  }
  nodes.push({ op: 'Add', inputs: [acc, 'b'], outputs: ['logit'] });
  nodes.push({ op: 'Sigmoid', inputs: ['logit'], outputs: ['p'] });
  nodes.push({ op: 'Unsqueeze', inputs: ['p', 'axis1'], outputs: ['p_col'] });
  nodes.push({ op: 'Sub', inputs: ['one', 'p_col'], outputs: ['q_col'] });
  nodes.push({ op: 'Concat', inputs: ['q_col', 'p_col'], outputs: ['probabilities'], attributes: { axis: 1 } });
  return encodeModel({
    graphName: 'per_feature',
    producer: 'rehearsal-test',
    producerVersion: '1',
    inputs: names.map((name) => ({ name, dims: ['N'] })),
    outputs: [{ name: 'probabilities', dims: ['N', 2] }],
    initializers: [
      ...names.map((_, i) => ({ name: `w${i}`, dims: [1], values: [weights[i]!] })),
      { name: 'b', dims: [1], values: [bias] },
      { name: 'one', dims: [1], values: [1] },
    ],
    nodes: [...nodes, { op: 'Constant', inputs: [], outputs: ['axis1'], attributes: { value_ints: [1] } }].sort((a, b) =>
      a.op === 'Constant' ? -1 : b.op === 'Constant' ? 1 : 0,
    ),
  });
}

/** A model whose matrix input is int32 (a dtype a snapshot column cannot feed): Cast, MatMul, Sigmoid. */
export function int32InputModel(width: number): Uint8Array {
  return encodeModel({
    graphName: 'int32_input',
    producer: 'rehearsal-test',
    producerVersion: '1',
    inputs: [{ name: 'x', dims: ['N', width], type: 'int32' }],
    outputs: [{ name: 'p', dims: ['N', 1] }],
    initializers: [{ name: 'W', dims: [width, 1], values: new Array<number>(width).fill(0.1) }],
    nodes: [
      { op: 'Cast', inputs: ['x'], outputs: ['xf'], attributes: { to: 1 } },
      { op: 'MatMul', inputs: ['xf', 'W'], outputs: ['z'] },
      { op: 'Sigmoid', inputs: ['z'], outputs: ['p'] },
    ],
  });
}

/** Like a scikit-learn classifier: one [N] input per feature, outputs `label` int64 [N] and `probabilities` [N, 2]. */
export function labelAndProbabilitiesModel(names: readonly string[], weights: readonly number[], bias: number): Uint8Array {
  const nodes: ModelSpec['nodes'][number][] = [{ op: 'Constant', inputs: [], outputs: ['axis1'], attributes: { value_ints: [1] } }];
  names.forEach((name, i) => nodes.push({ op: 'Mul', inputs: [name, `w${i}`], outputs: [`t${i}`] }));
  let acc = 't0';
  for (let i = 1; i < names.length; i++) {
    nodes.push({ op: 'Add', inputs: [acc, `t${i}`], outputs: [`s${i}`] });
    acc = `s${i}`;
  }
  nodes.push(
    { op: 'Add', inputs: [acc, 'b'], outputs: ['logit'] },
    { op: 'Sigmoid', inputs: ['logit'], outputs: ['p'] },
    { op: 'Unsqueeze', inputs: ['p', 'axis1'], outputs: ['p_col'] },
    { op: 'Sub', inputs: ['one', 'p_col'], outputs: ['q_col'] },
    { op: 'Concat', inputs: ['q_col', 'p_col'], outputs: ['probabilities'], attributes: { axis: 1 } },
    { op: 'ArgMax', inputs: ['probabilities'], outputs: ['label'], attributes: { axis: 1, keepdims: 0 } },
  );
  return encodeModel({
    graphName: 'label_and_probabilities',
    producer: 'rehearsal-test',
    producerVersion: '1',
    inputs: names.map((name) => ({ name, dims: ['N'] })),
    outputs: [
      { name: 'label', dims: ['N'], type: 'int64' },
      { name: 'probabilities', dims: ['N', 2] },
    ],
    initializers: [
      ...names.map((_, i) => ({ name: `w${i}`, dims: [1], values: [weights[i]!] })),
      { name: 'b', dims: [1], values: [bias] },
      { name: 'one', dims: [1], values: [1] },
    ],
    nodes,
  });
}

/**
 * A two-layer perceptron on a [N, F] input: sigmoid(gelu(X W1 + b1) W2 + b2), weights drawn from
 * `seed`, GELU written as the Div/Erf/Add/Mul/Mul pattern PyTorch exports. onnxruntime's
 * extended graph optimizations fuse that pattern into one Gelu kernel, which rounds differently
 * (1.2e-7 apart on this machine), so the two optimization levels really compute differently.
 */
export function mlpModel(features: number, hidden: number, seed: number): Uint8Array {
  const rng = seededRng(seed);
  const uniform = (n: number, scale: number) => Array.from({ length: n }, () => (rng.next() * 2 - 1) * scale);
  return encodeModel({
    graphName: 'mlp',
    producer: 'rehearsal-test',
    producerVersion: '1',
    inputs: [{ name: 'features', dims: ['N', features] }],
    outputs: [{ name: 'probability', dims: ['N', 1] }],
    initializers: [
      { name: 'W1', dims: [features, hidden], values: uniform(features * hidden, 2 / Math.sqrt(features)) },
      { name: 'B1', dims: [hidden], values: uniform(hidden, 0.5) },
      { name: 'W2', dims: [hidden, 1], values: uniform(hidden, 2 / Math.sqrt(hidden)) },
      { name: 'B2', dims: [1], values: [0] },
      { name: 'sqrt2', dims: [], values: [Math.SQRT2] },
      { name: 'one', dims: [], values: [1] },
      { name: 'half', dims: [], values: [0.5] },
    ],
    nodes: [
      { op: 'MatMul', inputs: ['features', 'W1'], outputs: ['h_raw'] },
      { op: 'Add', inputs: ['h_raw', 'B1'], outputs: ['h'] },
      { op: 'Div', inputs: ['h', 'sqrt2'], outputs: ['h_scaled'] },
      { op: 'Erf', inputs: ['h_scaled'], outputs: ['h_erf'] },
      { op: 'Add', inputs: ['h_erf', 'one'], outputs: ['h_erf1'] },
      { op: 'Mul', inputs: ['h', 'h_erf1'], outputs: ['h_gated'] },
      { op: 'Mul', inputs: ['h_gated', 'half'], outputs: ['g'] },
      { op: 'MatMul', inputs: ['g', 'W2'], outputs: ['logit_raw'] },
      { op: 'Add', inputs: ['logit_raw', 'B2'], outputs: ['logit'] },
      { op: 'Sigmoid', inputs: ['logit'], outputs: ['probability'] },
    ],
  });
}

/**
 * A model that outputs NaN for some rows, as a real model does when a feature reaches a log it
 * was never guarded for: probability = sigmoid(log(x W + b)) over a [N, F] matrix, NaN where
 * x W + b < 0 (and 0 where it is exactly 0). With W picking distance / 1000 and b = -`cut` / 1000,
 * every flight shorter than `cut` miles scores NaN.
 */
export function logOfInputModel(weights: readonly number[], bias: number): Uint8Array {
  const width = weights.length;
  return encodeModel({
    graphName: 'log_of_input',
    producer: 'rehearsal-test',
    producerVersion: '1',
    inputs: [{ name: 'features', dims: ['N', width] }],
    outputs: [{ name: 'probability', dims: ['N', 1] }],
    initializers: [
      { name: 'W', dims: [width, 1], values: weights },
      { name: 'B', dims: [1], values: [bias] },
    ],
    nodes: [
      { op: 'MatMul', inputs: ['features', 'W'], outputs: ['z_raw'] },
      { op: 'Add', inputs: ['z_raw', 'B'], outputs: ['z'] },
      { op: 'Log', inputs: ['z'], outputs: ['log_z'] },
      { op: 'Sigmoid', inputs: ['log_z'], outputs: ['probability'] },
    ],
  });
}
