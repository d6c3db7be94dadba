/**
 * The tfjs model of a demo model folder (runtime parity): the trained network's weights
 * as tfjs holds them when training ends, in tfjs's own weights format (a weights manifest,
 * `tfjs/weights.json`, naming each tensor's shape and dtype in `tfjs/weights.bin`), with the
 * layout in the card's `network`. ONNX is the export; this is the training framework's artifact,
 * so running both on the same inputs checks the export and the serving runtime against training's.
 */
import * as tf from '@tensorflow/tfjs';
import { denseShapes, type TabularNetLayout, type TabularNetWeights } from '../../common/model/tabularNet';

/** Where the files live inside a model folder. */
export const TFJS_MANIFEST = 'tfjs/weights.json';
export const TFJS_WEIGHTS = 'tfjs/weights.bin';

/** weights.json: tfjs's weights manifest, and what reads it. */
export interface TfjsWeightsFile {
  readonly format: string;
  readonly generatedBy: string;
  /** Where the layout is (the card's `network`). */
  readonly layout: string;
  readonly weightsManifest: readonly { readonly paths: readonly string[]; readonly weights: readonly tf.io.WeightsManifestEntry[] }[];
}

const FORMAT = 'rehearsal tabular-net weights (tfjs weights manifest)';

/** The manifest and the weights' bytes, in the layout's order; the same weights give the same bytes. */
export async function encodeTfjsWeights(layout: TabularNetLayout, weights: TabularNetWeights): Promise<{ manifest: TfjsWeightsFile; bytes: Uint8Array }> {
  const values = [...weights.embeddings, ...weights.dense.flatMap((d) => [d.kernel, d.bias])];
  const named = [...shapesOf(layout)].map(([name, shape], i) => ({ name, tensor: tf.tensor(values[i]!, shape, 'float32') }));
  try {
    const { data, specs } = await tf.io.encodeWeights(named);
    const manifest = {
      format: FORMAT,
      generatedBy: `@tensorflow/tfjs ${tf.version.tfjs}`,
      layout: 'model-card.json#network',
      weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
    };
    return { manifest, bytes: new Uint8Array(data) };
  } finally {
    named.forEach((n) => n.tensor.dispose());
  }
}

/** The weights back from the manifest and bytes; an Error names a weight that does not fit the layout. */
export function decodeTfjsWeights(layout: TabularNetLayout, manifest: TfjsWeightsFile, bytes: Uint8Array): TabularNetWeights {
  if (manifest.format !== FORMAT || manifest.weightsManifest.length !== 1) {
    throw new Error(`expected "${FORMAT}" with one weights group`);
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const tensors = tf.io.decodeWeights(buffer, [...manifest.weightsManifest[0]!.weights]);
  try {
    const values = [...shapesOf(layout)].map(([name, shape]) => {
      const tensor = tensors[name];
      if (tensor === undefined || tensor.shape.join(',') !== shape.join(',')) {
        throw new Error(`weight ${name}: expected shape [${shape.join(', ')}], found ${tensor ? `[${tensor.shape.join(', ')}]` : 'none'}`);
      }
      return Float32Array.from(tensor.dataSync());
    });
    const embeddings = values.slice(0, layout.categorical.length);
    const dense = denseShapes(layout).map((_, i) => ({ kernel: values[embeddings.length + 2 * i]!, bias: values[embeddings.length + 2 * i + 1]! }));
    return { embeddings, dense };
  } finally {
    Object.values(tensors).forEach((t) => t.dispose());
  }
}

/** Each weight's name and shape: the embeddings, then each dense layer's kernel and bias. */
function shapesOf(layout: TabularNetLayout): Map<string, number[]> {
  const shapes = new Map<string, number[]>();
  for (const c of layout.categorical) {
    shapes.set(`embedding/${c.name}`, [c.cardinality, c.dim]);
  }
  denseShapes(layout).forEach(([fanIn, fanOut], i) => {
    shapes.set(`dense${i}/kernel`, [fanIn, fanOut]);
    shapes.set(`dense${i}/bias`, [fanOut]);
  });
  return shapes;
}
