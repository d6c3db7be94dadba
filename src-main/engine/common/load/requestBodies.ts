/**
 * Request bodies, as JSON text, for the two protocols the model server speaks:
 * raw-record or numeric `/predict`, and Open Inference Protocol `infer`.
 */
import type { RawRecord } from '../features/rawRecord';
import type { Rng } from '../ports/rng';
import { profileRow, type PayloadProfile } from './payloadProfile';

/** An input tensor of the model: its name, element type and the elements one row holds. */
export interface InputTensor {
  readonly name: string;
  /** The OIP datatype: FP32, FP64, INT64, ... */
  readonly datatype: string;
  readonly width: number;
}

const INTEGER_TYPES = new Set(['INT8', 'INT16', 'INT32', 'INT64', 'UINT8', 'UINT16', 'UINT32', 'UINT64']);
const NUMERIC_TYPES = new Set(['FP16', 'FP32', 'FP64', ...INTEGER_TYPES]);

/** True for datatypes a numeric payload can fill. */
export function isNumericDatatype(datatype: string): boolean {
  return NUMERIC_TYPES.has(datatype);
}

/** The raw-record form: `{"features": {"origin": "SFO", ...}}`. */
export function recordBody(record: RawRecord): string {
  return JSON.stringify({ features: record });
}

/** Where the numbers of a numeric body come from: the model's reference profile, or zeros of each input's type. */
export type NumericSource = { readonly kind: 'profile'; readonly profile: PayloadProfile } | { readonly kind: 'defaults' };

/** `{"features": [numbers in input order]}`, one row drawn from `source`. */
export function sourcedPredictBody(inputs: readonly InputTensor[], source: NumericSource, rng: Rng): string {
  return JSON.stringify({ features: sourcedRow(inputs, source, rng) });
}

/** An OIP `infer` request of one row drawn from `source`, cut into the model's inputs in order. */
export function sourcedInferBody(inputs: readonly InputTensor[], source: NumericSource, rng: Rng): string {
  const row = sourcedRow(inputs, source, rng);
  let offset = 0;
  return JSON.stringify({
    inputs: inputs.map((input) => {
      const data = row.slice(offset, offset + input.width);
      offset += input.width;
      return { name: input.name, shape: [1, input.width], datatype: input.datatype, data };
    }),
  });
}

function sourcedRow(inputs: readonly InputTensor[], source: NumericSource, rng: Rng): number[] {
  const width = inputs.reduce((sum, input) => sum + input.width, 0);
  if (source.kind === 'defaults') {
    return new Array<number>(width).fill(0);
  }
  const row = profileRow(source.profile, rng);
  // An integer input takes integers only: a numeric feature drawn between its quantiles is rounded.
  let offset = 0;
  for (const input of inputs) {
    if (INTEGER_TYPES.has(input.datatype)) {
      for (let j = offset; j < offset + input.width; j++) {
        row[j] = Math.round(row[j]!);
      }
    }
    offset += input.width;
  }
  return row;
}
