/**
 * Writes ONNX models with the protobuf types of `onnx-proto`. Targets IR version 8 and opset 17,
 * the newest that Debian's onnx 1.12 checker accepts, so every file passes `onnx.checker`.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const IR_VERSION = 8;
export const OPSET = 17;

/** A constant tensor of the graph: float32 by default, int64 for indices. `dims: []` is a scalar. */
export interface Initializer {
  readonly name: string;
  readonly dims: readonly number[];
  readonly values: Float32Array | readonly number[];
  readonly type?: 'float32' | 'int64';
}

/** One node of the graph. */
export interface GraphNode {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly name?: string;
  readonly attributes?: Readonly<Record<string, number | readonly number[] | string>>;
}

/** A graph input or output: float32 by default, with symbolic or fixed dims. */
export interface GraphValue {
  readonly name: string;
  readonly dims: readonly (number | string)[];
  readonly type?: ElementType;
}

/** Element types the writer can declare for graph inputs and outputs. */
export type ElementType = 'float32' | 'float64' | 'int64' | 'int32' | 'string';

/** A whole model. */
export interface ModelSpec {
  readonly inputs: readonly GraphValue[];
  readonly outputs: readonly GraphValue[];
  readonly nodes: readonly GraphNode[];
  readonly initializers: readonly Initializer[];
  readonly graphName: string;
  readonly producer: string;
  readonly producerVersion: string;
  readonly docString?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

const ELEM: Readonly<Record<ElementType, number>> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  float64: onnx.TensorProto.DataType.DOUBLE,
  int64: onnx.TensorProto.DataType.INT64,
  int32: onnx.TensorProto.DataType.INT32,
  string: onnx.TensorProto.DataType.STRING,
};

/** ONNX's TensorProto data type number of INT64, for Cast's `to` attribute. */
export const ONNX_INT64 = onnx.TensorProto.DataType.INT64;

/** The bytes of an ONNX model. Deterministic: the same spec gives the same bytes. */
export function encodeModel(spec: ModelSpec): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: spec.producer,
    producerVersion: spec.producerVersion,
    docString: spec.docString ?? '',
    opsetImport: [{ domain: '', version: OPSET }],
    metadataProps: Object.entries(spec.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: spec.graphName,
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: spec.initializers.map((init) => ({
        name: init.name,
        dims: [...init.dims],
        dataType: init.type === 'int64' ? onnx.TensorProto.DataType.INT64 : onnx.TensorProto.DataType.FLOAT,
        rawData: init.type === 'int64' ? rawInt64(init.values) : rawFloat32(init.values),
      })),
      node: spec.nodes.map((node, i) => ({
        name: node.name ?? `${node.op.toLowerCase()}_${i}`,
        opType: node.op,
        input: [...node.inputs],
        output: [...node.outputs],
        attribute: Object.entries(node.attributes ?? {}).map(([name, value]) => attribute(name, value)),
      })),
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function valueInfo(value: GraphValue) {
  return {
    name: value.name,
    type: {
      tensorType: {
        elemType: ELEM[value.type ?? 'float32'],
        shape: { dim: value.dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function attribute(name: string, value: number | readonly number[] | string) {
  if (typeof value === 'string') {
    return { name, type: onnx.AttributeProto.AttributeType.STRING, s: new TextEncoder().encode(value) };
  }
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? { name, type: onnx.AttributeProto.AttributeType.INT, i: value }
      : { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value };
  }
  return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: [...value] };
}

/** Little-endian float32 bytes, the layout ONNX raw_data requires on every platform. */
function rawFloat32(values: Float32Array | readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) {
    view.setFloat32(i * 4, values[i] as number, true);
  }
  return bytes;
}

/** Little-endian int64 bytes. */
function rawInt64(values: Float32Array | readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) {
    view.setBigInt64(i * 8, BigInt(values[i] as number), true);
  }
  return bytes;
}

/** A logistic regression: probability = sigmoid(X W + b), X is [N, F]. */
export function logisticRegression(options: {
  readonly weights: readonly number[];
  readonly bias: number;
  readonly input?: string;
  readonly output?: string;
  readonly producer?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}): Uint8Array {
  const input = options.input ?? 'features';
  const output = options.output ?? 'probability';
  const width = options.weights.length;
  return encodeModel({
    graphName: 'logistic_regression',
    producer: options.producer ?? 'rehearsal',
    producerVersion: '1',
    inputs: [{ name: input, dims: ['N', width] }],
    outputs: [{ name: output, dims: ['N', 1] }],
    initializers: [
      { name: 'W', dims: [width, 1], values: options.weights },
      { name: 'B', dims: [1], values: [options.bias] },
    ],
    nodes: [
      { op: 'MatMul', inputs: [input, 'W'], outputs: ['logit_raw'] },
      { op: 'Add', inputs: ['logit_raw', 'B'], outputs: ['logit'] },
      { op: 'Sigmoid', inputs: ['logit'], outputs: [output] },
    ],
    ...(options.metadata ? { metadata: options.metadata } : {}),
  });
}
