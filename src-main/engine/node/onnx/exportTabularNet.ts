/**
 * The ONNX exporter of the tabular network (engine/common/model/tabularNet.ts): the same function
 * the tfjs trainer computes, written as ONNX operators (Gather, Clip, Cast, Concat, MatMul, Relu,
 * Sigmoid) at IR 8, opset 17. Export parity is tested against tfjs on replayed rows.
 */
import { concatWidth, denseShapes, type TabularNetLayout, type TabularNetWeights } from '../../common/model/tabularNet';
import { encodeModel, ONNX_INT64, type GraphNode, type Initializer } from './onnxModel';

/** Names and provenance written into the file. */
export interface ExportOptions {
  readonly input?: string;
  readonly output?: string;
  readonly graphName: string;
  readonly producer: string;
  readonly producerVersion: string;
  readonly docString?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** The ONNX bytes of a trained network; the same layout and weights give the same bytes. */
export function exportTabularNet(layout: TabularNetLayout, weights: TabularNetWeights, options: ExportOptions): Uint8Array {
  const input = options.input ?? 'features';
  const output = options.output ?? 'probability';
  const nodes: GraphNode[] = [];
  const initializers: Initializer[] = [];
  const parts: string[] = [];

  for (const n of layout.numeric) {
    const p = `num_${n.name}`;
    initializers.push({ name: `${p}_col`, dims: [1], values: [n.column], type: 'int64' });
    nodes.push({ op: 'Gather', inputs: [input, `${p}_col`], outputs: [`${p}_raw`], attributes: { axis: 1 } });
    let value = `${p}_raw`;
    if (n.log1p) {
      initializers.push({ name: `${p}_one`, dims: [], values: [1] });
      nodes.push({ op: 'Add', inputs: [value, `${p}_one`], outputs: [`${p}_plus1`] });
      nodes.push({ op: 'Log', inputs: [`${p}_plus1`], outputs: [`${p}_log`] });
      value = `${p}_log`;
    }
    initializers.push({ name: `${p}_mean`, dims: [], values: [n.mean] }, { name: `${p}_std`, dims: [], values: [n.std] });
    nodes.push({ op: 'Sub', inputs: [value, `${p}_mean`], outputs: [`${p}_centered`] });
    nodes.push({ op: 'Div', inputs: [`${p}_centered`, `${p}_std`], outputs: [`${p}_scaled`] });
    parts.push(`${p}_scaled`);
  }

  layout.categorical.forEach((c, k) => {
    const p = `cat_${c.name}`;
    initializers.push(
      { name: `${p}_col`, dims: [], values: [c.column], type: 'int64' },
      { name: `${p}_min`, dims: [], values: [0] },
      { name: `${p}_max`, dims: [], values: [c.cardinality - 1] },
      { name: `${p}_embedding`, dims: [c.cardinality, c.dim], values: weights.embeddings[k]! },
    );
    nodes.push({ op: 'Gather', inputs: [input, `${p}_col`], outputs: [`${p}_code`], attributes: { axis: 1 } });
    nodes.push({ op: 'Clip', inputs: [`${p}_code`, `${p}_min`, `${p}_max`], outputs: [`${p}_clipped`] });
    nodes.push({ op: 'Cast', inputs: [`${p}_clipped`], outputs: [`${p}_index`], attributes: { to: ONNX_INT64 } });
    nodes.push({ op: 'Gather', inputs: [`${p}_embedding`, `${p}_index`], outputs: [`${p}_vector`], attributes: { axis: 0 } });
    parts.push(`${p}_vector`);
  });

  nodes.push({ op: 'Concat', inputs: parts, outputs: ['h0'], attributes: { axis: 1 } });
  const shapes = denseShapes(layout);
  let h = 'h0';
  shapes.forEach(([fanIn, fanOut], i) => {
    const last = i === shapes.length - 1;
    initializers.push(
      { name: `dense${i}_kernel`, dims: [fanIn, fanOut], values: weights.dense[i]!.kernel },
      { name: `dense${i}_bias`, dims: [fanOut], values: weights.dense[i]!.bias },
    );
    nodes.push({ op: 'MatMul', inputs: [h, `dense${i}_kernel`], outputs: [`dense${i}_mm`] });
    nodes.push({ op: 'Add', inputs: [`dense${i}_mm`, `dense${i}_bias`], outputs: [last ? 'logit' : `dense${i}_pre`] });
    if (!last) {
      nodes.push({ op: 'Relu', inputs: [`dense${i}_pre`], outputs: [`h${i + 1}`] });
      h = `h${i + 1}`;
    }
  });
  nodes.push({ op: 'Sigmoid', inputs: ['logit'], outputs: [output] });

  if (concatWidth(layout) !== shapes[0]![0]) {
    throw new Error('tabular net layout: the concatenated width does not match the first dense layer');
  }
  return encodeModel({
    graphName: options.graphName,
    producer: options.producer,
    producerVersion: options.producerVersion,
    ...(options.docString ? { docString: options.docString } : {}),
    ...(options.metadata ? { metadata: options.metadata } : {}),
    inputs: [{ name: input, dims: ['N', layout.inputWidth] }],
    outputs: [{ name: output, dims: ['N', 1] }],
    initializers,
    nodes,
  });
}
