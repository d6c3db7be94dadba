/**
 * The Open Inference Protocol (KServe v2) as this server speaks it: model metadata, and infer
 * requests whose tensors come in the model's own layout (datatype, shape, row-major data, flat
 * or nested), so load aimed here can aim at Triton, KServe or MLServer as well.
 */
import { z } from 'zod';
import type { TensorInfo } from '../../../contract/events';
import { allocate } from '../features/inputPlan';
import type { FeatureDType, FeatureTensor } from '../ports/inference';
import { numberProblem } from './finiteInput';
import { refuse, refuseIssue, type RequestParse } from './requestProblem';
import { sliceRows, type OutputTensor, type RowBlock } from './rowBlock';
import type { ServedModel } from './servedModel';
import { codeOutOfRange, codeProblemText } from './categoryCodes';

const OIP_TYPES: Readonly<Record<string, string>> = {
  float32: 'FP32',
  float64: 'FP64',
  float16: 'FP16',
  int64: 'INT64',
  int32: 'INT32',
  int16: 'INT16',
  int8: 'INT8',
  uint64: 'UINT64',
  uint32: 'UINT32',
  uint16: 'UINT16',
  uint8: 'UINT8',
  bool: 'BOOL',
  string: 'BYTES',
};

/** The OIP datatype of an onnxruntime element type. */
export function oipDatatype(type: string): string {
  return OIP_TYPES[type] ?? type.toUpperCase();
}

/** One tensor as OIP writes it. */
export interface OipTensor {
  readonly name: string;
  readonly datatype: string;
  readonly shape: readonly number[];
  readonly data: readonly (number | string | boolean)[];
}

/** `GET /v2/models/{name}`: symbolic dimensions are -1, as Triton writes them. */
export function modelMetadata(model: ServedModel): object {
  const describe = (t: TensorInfo) => ({ name: t.name, datatype: oipDatatype(t.type), shape: t.dims.map((d) => (typeof d === 'number' ? d : -1)) });
  return {
    name: model.name,
    versions: [model.version],
    platform: 'onnxruntime_onnx',
    inputs: model.inputs.map(describe),
    outputs: model.outputs.map(describe),
    // Beyond the protocol's fields, as servers add theirs: what a client needs to send valid rows.
    ...(model.profile || (model.codes && model.codes.length > 0)
      ? { parameters: { ...(model.profile ? { reference_profile: model.profile } : {}), ...(model.codes?.length ? { category_codes: model.codes } : {}) } }
      : {}),
  };
}

const requestSchema = z.looseObject({
  id: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  inputs: z
    .array(
      z.looseObject({
        name: z.string(),
        shape: z.array(z.number().int().min(0)),
        datatype: z.string(),
        parameters: z.record(z.string(), z.unknown()).optional(),
        data: z.array(z.unknown()),
      }),
    )
    .min(1),
  outputs: z.array(z.looseObject({ name: z.string() })).optional(),
});

/** A parsed infer request. */
export interface InferRequest {
  readonly id: string | undefined;
  readonly block: RowBlock;
  /** Output names to answer with, in order. */
  readonly outputs: readonly string[];
}

/** Parses `POST /v2/models/{name}/infer`. */
export function parseInfer(json: unknown, model: ServedModel): RequestParse<InferRequest> {
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) {
    return refuseIssue(parsed.error.issues[0]!);
  }
  const request = parsed.data;
  const tensors: Record<string, FeatureTensor> = {};
  let rows: number | null = null;
  for (let i = 0; i < request.inputs.length; i++) {
    const input = request.inputs[i]!;
    const at = `inputs[${i}]`;
    const spec = model.inputs.find((m) => m.name === input.name);
    if (!spec) {
      return refuse(`${at}.name`, `expected one of the model's inputs (${model.inputs.map((m) => m.name).join(', ')}), got "${input.name}"`);
    }
    if (tensors[spec.name]) {
      return refuse(`${at}.name`, `expected each input once; "${input.name}" is repeated`);
    }
    const type = spec.type as FeatureDType;
    if (input.datatype !== oipDatatype(spec.type) || !['float32', 'float64', 'int64'].includes(spec.type)) {
      return refuse(`${at}.datatype`, `expected ${oipDatatype(spec.type)} (the type of model input "${spec.name}"), got ${input.datatype}`);
    }
    const shapeProblem = checkShape(input.shape, spec, model.maxBatch);
    if (shapeProblem) {
      return refuse(`${at}.shape`, shapeProblem);
    }
    const n = input.shape[0]!;
    if (rows !== null && n !== rows) {
      return refuse(`${at}.shape`, `expected the same first dimension (rows) as the other inputs, ${rows}, got ${n}`);
    }
    rows = n;
    const size = input.shape.reduce((a, b) => a * b, 1);
    const data = allocate(type, size);
    const filled = fill(input.data, data, type);
    if (typeof filled === 'string') {
      return refuse(`${at}.data`, filled);
    }
    if (filled !== size) {
      return refuse(`${at}.data`, `expected ${size} values for shape [${input.shape.join(', ')}], got ${filled}`);
    }
    tensors[spec.name] = { type, dims: input.shape, data };
  }
  const missing = model.inputs.filter((m) => !tensors[m.name]);
  if (missing.length > 0) {
    return refuse('inputs', `expected every model input; missing ${missing.map((m) => `"${m.name}"`).join(', ')}`);
  }
  const outOfRange = model.codes ? codeOutOfRange(tensors, rows ?? 0, model.codes) : null;
  if (outOfRange) {
    const at = request.inputs.findIndex((input) => input.name === outOfRange.range.input);
    return refuse(`inputs[${at}].data`, `row ${outOfRange.row}: ${codeProblemText(outOfRange)}`);
  }
  const known = model.outputs.map((o) => o.name);
  const outputs = request.outputs?.map((o) => o.name) ?? known;
  const unknown = outputs.findIndex((name) => !known.includes(name));
  if (unknown >= 0) {
    return refuse(`outputs[${unknown}].name`, `expected one of the model's outputs (${known.join(', ')}), got "${outputs[unknown]}"`);
  }
  return { ok: true, value: { id: request.id, block: { rows: rows ?? 0, tensors }, outputs } };
}

function checkShape(shape: readonly number[], spec: TensorInfo, maxBatch: number): string | null {
  const expected = `[${spec.dims.map((d) => (typeof d === 'number' ? d : -1)).join(', ')}]`;
  if (shape.length !== spec.dims.length) {
    return `expected ${spec.dims.length} dimensions like ${expected}, got [${shape.join(', ')}]`;
  }
  const bad = spec.dims.findIndex((d, k) => typeof d === 'number' && d !== shape[k]);
  if (bad >= 0) {
    return `expected dimension ${bad} to be ${spec.dims[bad]} (model shape ${expected}), got [${shape.join(', ')}]`;
  }
  if (shape[0]! < 1 || shape[0]! > maxBatch) {
    return `expected 1 to ${maxBatch} rows in dimension 0 (the server's max batch), got ${shape[0]}`;
  }
  return null;
}

/** Copies flat or nested numbers into `out`; returns how many, or what was expected of a value of the wrong kind. */
function fill(data: readonly unknown[], out: Float32Array | Float64Array | BigInt64Array, type: FeatureDType): number | string {
  let count = 0;
  let problem: string | null = null;
  const walk = (values: readonly unknown[]): boolean => {
    for (const value of values) {
      if (Array.isArray(value)) {
        if (!walk(value)) {
          return false;
        }
      } else if (typeof value !== 'number' || (type === 'int64' && !Number.isSafeInteger(value))) {
        problem = `expected ${type === 'int64' ? 'integers' : 'numbers'} (flat or nested arrays)`;
        return false;
      } else if ((problem = numberProblem(value, type)) !== null) {
        return false;
      } else {
        if (count < out.length) {
          out[count] = (type === 'int64' ? BigInt(value) : value) as never;
        }
        count++;
      }
    }
    return true;
  };
  return walk(data) ? count : (problem ?? 'expected numbers (flat or nested arrays)');
}

/** The answer to one infer request, cut from its batch's outputs. */
export function inferResponse(model: ServedModel, request: InferRequest, outputs: Readonly<Record<string, OutputTensor>>, start: number): object {
  return {
    model_name: model.name,
    model_version: model.version,
    ...(request.id !== undefined ? { id: request.id } : {}),
    outputs: request.outputs.map((name): OipTensor => {
      const part = sliceRows(outputs[name]!, start, request.block.rows);
      return { name, datatype: oipDatatype(part.type), shape: part.dims, data: Array.from(part.data, (v) => (typeof v === 'bigint' ? Number(v) : v)) };
    }),
  };
}
