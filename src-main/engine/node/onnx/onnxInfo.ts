/** What an ONNX file says about itself, read from its protobuf with onnx-proto (no session needed). */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** The header fields of an ONNX model. */
export interface OnnxInfo {
  readonly irVersion: number;
  /** Operator set versions by domain ('' is the default ONNX domain). */
  readonly opsets: readonly { readonly domain: string; readonly version: number }[];
  readonly producerName: string;
  readonly producerVersion: string;
  readonly graphName: string;
  readonly metadata: Readonly<Record<string, string>>;
}

/** Decodes the header of ONNX bytes; throws when they are not an ONNX model. */
export function readOnnxInfo(bytes: Uint8Array): OnnxInfo {
  const model = onnx.ModelProto.decode(bytes);
  if (!model.graph) {
    throw new Error('not an ONNX model: the protobuf has no graph');
  }
  return {
    irVersion: Number(model.irVersion),
    opsets: model.opsetImport.map((o) => ({ domain: o.domain ?? '', version: Number(o.version) })),
    producerName: model.producerName,
    producerVersion: model.producerVersion,
    graphName: model.graph.name ?? '',
    metadata: Object.fromEntries(model.metadataProps.map((p) => [p.key ?? '', p.value ?? ''])),
  };
}
