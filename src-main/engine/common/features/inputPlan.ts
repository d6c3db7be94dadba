/**
 * How snapshot columns become a model's input tensors (bring-your-own models): one 2-D matrix
 * input whose columns are listed in order, or one input per feature matched by name. Every
 * mismatch is found before replay and named with what was expected and what was found.
 */
import type { TensorInfo } from '../../../contract/events';
import type { FeatureBatch, FeatureDType, FeatureTensor } from '../ports/inference';
import type { ColumnChunk, SnapshotColumn } from '../ports/snapshot';
import { chunkKindOf, typeClassOf } from '../snapshot/columnTypes';

/** One model input fed from snapshot columns. */
export interface InputBinding {
  readonly input: string;
  readonly type: FeatureDType;
  readonly columns: readonly string[];
  /** 'matrix': [N, columns]; 'vector': [N] or [N, 1] per feature. */
  readonly layout: 'matrix' | 'vector' | 'column';
}

/** The inputs of one model, planned. */
export interface InputPlan {
  readonly bindings: readonly InputBinding[];
  /** Every snapshot column the plan reads, once. */
  readonly columns: readonly string[];
}

export type PlanResult = { readonly ok: true; readonly plan: InputPlan } | { readonly ok: false; readonly problems: readonly string[] };

const DTYPES: Readonly<Record<string, FeatureDType>> = { float32: 'float32', float: 'float32', float64: 'float64', double: 'float64', int64: 'int64' };

/**
 * Plans the inputs of a model. `mapping` is the scenario's: a column list for a matrix input, or
 * input name -> column. `defaultColumns` is the model card's feature order, used when no mapping.
 */
export function planInputs(
  inputs: readonly TensorInfo[],
  mapping: readonly string[] | Readonly<Record<string, string>> | undefined,
  defaultColumns: readonly string[] | undefined,
  available: readonly string[],
): PlanResult {
  const problems: string[] = [];
  const bindings: InputBinding[] = [];
  const list = Array.isArray(mapping) ? (mapping as readonly string[]) : mapping === undefined ? defaultColumns : undefined;
  const byName = !Array.isArray(mapping) && mapping !== undefined ? (mapping as Readonly<Record<string, string>>) : undefined;

  if (inputs.length === 1 && list !== undefined) {
    const input = inputs[0]!;
    const type = DTYPES[input.type];
    const width = input.dims.length === 2 ? input.dims[1] : undefined;
    if (type === undefined) {
      problems.push(`input "${input.name}": expected a float, double or int64 tensor, found ${input.type}`);
    } else if (input.dims.length !== 2) {
      problems.push(`input "${input.name}": expected a 2-D tensor [batch, features] for a column list, found ${input.dims.length}-D ${formatDims(input.dims)}`);
    } else if (typeof width === 'number' && width !== list.length) {
      problems.push(`input "${input.name}": expected ${width} features (width of ${formatDims(input.dims)}), found ${list.length} columns: ${list.join(', ')}`);
    } else {
      bindings.push({ input: input.name, type, columns: list, layout: 'matrix' });
    }
  } else {
    if (list !== undefined) {
      problems.push(
        `the model has ${inputs.length} inputs (${inputs.map((i) => i.name).join(', ')}); a column list feeds a single matrix input, so map each input to a column by name`,
      );
    }
    for (const input of inputs) {
      const type = DTYPES[input.type];
      const column = byName?.[input.name] ?? input.name;
      const rank = input.dims.length;
      if (type === undefined) {
        problems.push(`input "${input.name}": expected a float, double or int64 tensor, found ${input.type}`);
      } else if (rank > 2 || (rank === 2 && input.dims[1] !== 1)) {
        problems.push(`input "${input.name}": expected one value per row ([batch] or [batch, 1]), found ${formatDims(input.dims)}`);
      } else {
        bindings.push({ input: input.name, type, columns: [column], layout: rank === 1 ? 'vector' : 'column' });
      }
    }
    if (byName) {
      for (const name of Object.keys(byName)) {
        if (!inputs.some((i) => i.name === name)) {
          problems.push(`mapping names input "${name}", which the model does not have; its inputs are: ${inputs.map((i) => i.name).join(', ')}`);
        }
      }
    }
  }
  const columns = [...new Set(bindings.flatMap((b) => b.columns))];
  const missing = columns.filter((c) => !available.includes(c));
  if (missing.length > 0) {
    problems.push(
      `missing feature${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}: expected in the snapshot, found columns: ${available.join(', ')}`,
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan: { bindings, columns } };
}

/**
 * The snapshot columns a plan feeds to numeric inputs whose declared type cannot be one: text
 * (which would fail in the middle of a read), and dates and timestamps, which the reader hands
 * over as epoch milliseconds (about 1e12): a model trained on hours or distances then scores
 * every row the same, silently. Derived and absent columns are not checked here.
 */
export function inputKindProblems(plan: InputPlan, columns: readonly SnapshotColumn[], file: string): string[] {
  const problems: string[] = [];
  for (const binding of plan.bindings) {
    for (const name of binding.columns) {
      const column = columns.find((c) => c.name === name);
      if (column === undefined) {
        continue;
      }
      const kind = typeClassOf(column.type);
      if (kind === 'temporal') {
        problems.push(
          `column "${name}" of ${file} is a ${column.type}, but input "${binding.input}" expects numbers: a time would reach the model as epoch milliseconds; ` +
            `derive a number from it instead (a derived feature such as hour("${name}"))`,
        );
      } else if (chunkKindOf(column.type) === 'text') {
        problems.push(
          `column "${name}" of ${file} is ${kind === 'text' ? 'text' : 'not a number'} (${column.type}), but input "${binding.input}" expects numbers`,
        );
      }
    }
  }
  return problems;
}

/** Builds the input tensors of one chunk. Nulls become NaN (float) or are refused (int64). */
export function buildBatch(plan: InputPlan, chunk: ColumnChunk): FeatureBatch {
  const batch: Record<string, FeatureTensor> = {};
  const n = chunk.rowCount;
  for (const binding of plan.bindings) {
    const width = binding.columns.length;
    const data = allocate(binding.type, n * width);
    binding.columns.forEach((name, j) => {
      const column = chunk.columns[name];
      if (column === undefined || column.kind !== 'number') {
        throw new Error(`column "${name}" is ${column === undefined ? 'absent' : 'text'}; input "${binding.input}" expects numbers`);
      }
      const { values, valid } = column;
      if (!(data instanceof BigInt64Array)) {
        // The common case in one tight loop (the replay builds millions of rows this way).
        for (let i = 0; i < n; i++) {
          data[i * width + j] = valid[i] === 1 ? values[i]! : Number.NaN;
        }
        return;
      }
      for (let i = 0; i < n; i++) {
        const value = valid[i] === 1 ? values[i]! : Number.NaN;
        if (!Number.isFinite(value)) {
          throw new Error(`column "${name}" has a null or non-finite value at row ${i} of a chunk; int64 input "${binding.input}" cannot carry it`);
        }
        data[i * width + j] = BigInt(Math.trunc(value));
      }
    });
    const dims = binding.layout === 'vector' ? [n] : [n, width];
    batch[binding.input] = { type: binding.type, dims, data };
  }
  return batch;
}

/** A typed array of `type` and `length`. */
export function allocate(type: FeatureDType, length: number): Float32Array | Float64Array | BigInt64Array {
  return type === 'float32' ? new Float32Array(length) : type === 'float64' ? new Float64Array(length) : new BigInt64Array(length);
}

function formatDims(dims: readonly (number | string | null)[]): string {
  return `[${dims.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}
