/**
 * Request bodies, as JSON text, for the two protocols the model server speaks:
 * raw-record or numeric `/predict`, and Open Inference Protocol `infer`.
 */
import type { RawRecord } from '../features/rawRecord';
import type { Rng } from '../ports/rng';

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

/** The seed's numeric form: `{"features": [numbers in input order]}`, standard-normal values. */
export function numericPredictBody(inputs: readonly InputTensor[], rng: Rng): string {
  return JSON.stringify({ features: inputs.flatMap((input) => row(input, rng)) });
}

/** An Open Inference Protocol `infer` request of one row per input, standard-normal values. */
export function inferBody(inputs: readonly InputTensor[], rng: Rng): string {
  return JSON.stringify({
    inputs: inputs.map((input) => ({ name: input.name, shape: [1, input.width], datatype: input.datatype, data: row(input, rng) })),
  });
}

function row(input: InputTensor, rng: Rng): number[] {
  const values = Array.from({ length: input.width }, () => standardNormal(rng));
  return INTEGER_TYPES.has(input.datatype) ? values.map(Math.round) : values.map((v) => Math.round(v * 1e6) / 1e6);
}

/** A standard-normal draw (Box-Muller); 1 - u keeps the logarithm finite. */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
