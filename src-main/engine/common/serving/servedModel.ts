/**
 * The model as the server presents it: its OIP identity and tensors, and how a raw record or a
 * list of numbers becomes its inputs. A model whose card names a feature spec runs that spec's
 * serving pipeline on raw records; a model without one takes records keyed by its card's
 * feature order (one matrix input) or by input name (one input per feature), and numbers in
 * input order.
 */
import type { TensorInfo } from '../../../contract/events';
import type { ServingPipeline } from '../features/featureSpec';
import type { FeatureDType } from '../ports/inference';
import type { PayloadProfile } from '../load/payloadProfile';
import type { CodeRange } from './categoryCodes';

/** How records and numeric lists become input tensors. */
export type RecordLayout =
  | { readonly kind: 'pipeline'; readonly input: string; readonly pipeline: ServingPipeline }
  | { readonly kind: 'matrix'; readonly input: string; readonly type: FeatureDType; readonly width: number | null; readonly names: readonly string[] | null }
  | { readonly kind: 'columns'; readonly columns: readonly { readonly input: string; readonly type: FeatureDType; readonly rank: number }[] }
  | { readonly kind: 'none'; readonly reason: string };

/** What the server serves. */
export interface ServedModel {
  readonly name: string;
  readonly version: string;
  readonly inputs: readonly TensorInfo[];
  /** Tensor outputs only (a non-tensor output, such as a ZipMap, cannot cross OIP). */
  readonly outputs: readonly TensorInfo[];
  /** Most rows one request may carry, the batcher's max batch. */
  readonly maxBatch: number;
  readonly layout: RecordLayout;
  /** The categorical columns whose codes a caller's numbers must keep within the embedding's range. */
  readonly codes?: readonly CodeRange[];
  /** The reference profile a load draws valid rows from (published in the model metadata), when the folder has one. */
  readonly profile?: PayloadProfile;
}

const DTYPES: Readonly<Record<string, FeatureDType>> = { float32: 'float32', float64: 'float64', int64: 'int64' };

/**
 * Works out the record layout of a model, or says why a model with a feature spec cannot run it
 * (a spec feeds one [N, features] matrix input).
 */
export function recordLayout(
  inputs: readonly TensorInfo[],
  pipeline: ServingPipeline | null,
  featureOrder: readonly string[] | null,
): { ok: true; layout: RecordLayout } | { ok: false; problem: string } {
  const only = inputs.length === 1 ? inputs[0]! : undefined;
  const onlyWidth = only?.dims.length === 2 && typeof only.dims[1] === 'number' ? only.dims[1] : null;
  if (pipeline) {
    const width = pipeline.features.length;
    if (!only || only.dims.length !== 2 || only.type !== 'float32' || (onlyWidth !== null && onlyWidth !== width)) {
      const found = inputs.map((i) => `${i.name} ${i.type} [${i.dims.map((d) => d ?? '?').join(', ')}]`).join('; ');
      return { ok: false, problem: `feature spec ${pipeline.specId} feeds one float32 [N, ${width}] input; the model has: ${found}` };
    }
    return { ok: true, layout: { kind: 'pipeline', input: only.name, pipeline } };
  }
  if (only && only.dims.length === 2 && DTYPES[only.type]) {
    const names = featureOrder && (onlyWidth === null || featureOrder.length === onlyWidth) ? featureOrder : null;
    return { ok: true, layout: { kind: 'matrix', input: only.name, type: DTYPES[only.type]!, width: onlyWidth ?? names?.length ?? null, names } };
  }
  const perFeature = inputs.every((i) => DTYPES[i.type] && (i.dims.length === 1 || (i.dims.length === 2 && i.dims[1] === 1)));
  if (inputs.length > 0 && perFeature) {
    return { ok: true, layout: { kind: 'columns', columns: inputs.map((i) => ({ input: i.name, type: DTYPES[i.type]!, rank: i.dims.length })) } };
  }
  return {
    ok: true,
    layout: { kind: 'none', reason: 'the model takes neither one [N, features] matrix nor one value per input; send tensors to the OIP infer endpoint' },
  };
}

/** A categorical column as the trainer's card lists it: its column in the feature order, and its embedding size. */
export interface CardCategorical {
  readonly column: number;
  readonly name: string;
  readonly cardinality: number;
}

/** Where each categorical column's code sits in the model's inputs: a column of the matrix input, or an input of its own name. */
export function codeRanges(layout: RecordLayout, categorical: readonly CardCategorical[]): CodeRange[] {
  switch (layout.kind) {
    case 'pipeline':
    case 'matrix':
      return categorical.map((c) => ({ input: layout.input, position: c.column, name: c.name, count: c.cardinality }));
    case 'columns':
      return categorical.flatMap((c) =>
        layout.columns.some((col) => col.input === c.name) ? [{ input: c.name, position: 0, name: c.name, count: c.cardinality }] : [],
      );
    case 'none':
      return [];
  }
}
