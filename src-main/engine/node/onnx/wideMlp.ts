/**
 * A wide multilayer perceptron for benchmarks and resource profiles: compute-bound at batch 1
 * (its weights are tens of MB, read once per run), so batching pays, and its activations grow
 * with the batch, so a memory limit bites. Weights are seeded: the same options give the same bytes.
 */
import { seededRng } from '../../common/rng/seededRng';
import { encodeModel } from './onnxModel';

/** The shape of the network. */
export interface WideMlpOptions {
  readonly inputs: number;
  /** Width of each hidden layer. */
  readonly hidden: readonly number[];
  readonly seed?: number;
}

/** sigmoid(relu(relu(X W1 + b1) W2 + b2) ... Wout + bout), X is [N, inputs], the output [N, 1]. */
export function wideMlp(options: WideMlpOptions): Uint8Array {
  const rng = seededRng(options.seed ?? 1);
  const widths = [options.inputs, ...options.hidden, 1];
  const initializers = [];
  const nodes = [];
  let current = 'features';
  for (let layer = 0; layer + 1 < widths.length; layer++) {
    const [fanIn, fanOut] = [widths[layer]!, widths[layer + 1]!];
    // Scaled so activations neither vanish nor explode through the layers (He initialisation, uniform).
    const scale = Math.sqrt(6 / fanIn);
    const weights = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < weights.length; i++) {
      weights[i] = (rng.next() * 2 - 1) * scale;
    }
    initializers.push({ name: `W${layer}`, dims: [fanIn, fanOut], values: weights }, { name: `b${layer}`, dims: [fanOut], values: new Float32Array(fanOut) });
    const last = layer + 2 === widths.length;
    nodes.push(
      { op: 'MatMul', inputs: [current, `W${layer}`], outputs: [`m${layer}`] },
      { op: 'Add', inputs: [`m${layer}`, `b${layer}`], outputs: [`a${layer}`] },
    );
    nodes.push({ op: last ? 'Sigmoid' : 'Relu', inputs: [`a${layer}`], outputs: [last ? 'probability' : `h${layer}`] });
    current = `h${layer}`;
  }
  return encodeModel({
    graphName: 'wide_mlp',
    producer: 'rehearsal',
    producerVersion: '1',
    inputs: [{ name: 'features', dims: ['N', options.inputs] }],
    outputs: [{ name: 'probability', dims: ['N', 1] }],
    initializers,
    nodes,
  });
}
