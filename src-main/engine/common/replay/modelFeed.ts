/**
 * How the replay feeds one model and what it watches of it. A model with a feature
 * spec reads production through the spec's serving TypeScript, row by row as the server would
 * (after any shift), and its reference through the spec's training SQL; both sides are watched
 * per input feature. A categorical feature that encodes one text field (an airport) is watched
 * as that field's raw categories, not as index numbers: an index folds every airport outside the
 * frozen encoding into 0, so a new airport would hide among the rare ones. A model without a
 * spec is fed its planned snapshot columns as they are, on both sides.
 */
import type { FeatureKind } from '../../../contract/drift';
import { servedSpec } from '../features/featureSpec';
import { serveChunk } from '../features/servedChunk';
import type { FeatureBatch } from '../ports/inference';
import type { ChunkColumn, ColumnChunk, LookupJoin, SqlRelation } from '../ports/snapshot';
import type { ReadyModel } from '../run/state';
import { CategoryCoder } from './categoryCoder';

/** One input feature the replay watches. */
export interface SeriesSpec {
  readonly name: string;
  readonly kind: FeatureKind;
  /** A categorical feature watched as the raw text of this field; null: watched as its own value. */
  readonly rawField: string | null;
  /** Raw fields (or columns) the feature is computed from: a shift on any of them touches it. */
  readonly fields: readonly string[];
  /** Codes of a categorical series' categories (shared by the reference and every window). */
  readonly coder: CategoryCoder | null;
}

/** One chunk as the model sees it: each series' values, and the rows it could score. */
export interface FedChunk {
  readonly rowCount: number;
  /** Numeric series: values with a validity mask (0: null, or the serving features could not read it). */
  readonly numbers: readonly ({ readonly values: Float64Array; readonly valid: Uint8Array } | null)[];
  /** Categorical series: codes, -1 for null. */
  readonly codes: readonly (Int32Array | null)[];
  /** 1 for the rows in `batch`, in order. */
  readonly scored: Uint8Array;
  readonly scoredCount: number;
  readonly batch: FeatureBatch | null;
  /** Why rows were refused (the first serving error), or null when none were. */
  readonly refusal: string | null;
  /** Fields the model reads that the chunk lacks altogether (a schema break). */
  readonly absentFields: readonly string[];
  /** Per series: true when a field it reads is absent from the chunk (its values are all null). */
  readonly absent: readonly boolean[];
}

/** What to read of the reference snapshot for a model. */
export interface ReferenceQuery {
  readonly columns: readonly string[];
  readonly derived: Readonly<Record<string, string>>;
  readonly relations: Readonly<Record<string, SqlRelation>>;
  readonly joins: readonly LookupJoin[];
}

/** One model's feeding and watching. */
export interface ModelFeed {
  readonly model: ReadyModel;
  readonly series: readonly SeriesSpec[];
  /** Production columns the model needs (raw fields, or its planned columns). */
  readonly productionColumns: readonly string[];
  readonly referenceQuery: ReferenceQuery;
  /** A production chunk (after shifts) through the serving path. */
  production(chunk: ColumnChunk): Promise<FedChunk>;
  /** A reference chunk through the training SQL (already computed by the reader). */
  reference(chunk: ColumnChunk): FedChunk;
}

/**
 * Raw text fields' categories, shared by every model's feed: blue and green both watch `origin`,
 * so its codes are one coding, computed once per chunk however many models read it.
 */
export class RawCategories {
  private readonly coders = new Map<string, CategoryCoder>();
  private readonly coded = new WeakMap<ChunkColumn, Int32Array>();

  /** The coder of a raw field. */
  coder(field: string): CategoryCoder {
    let coder = this.coders.get(field);
    if (coder === undefined) {
      coder = new CategoryCoder();
      this.coders.set(field, coder);
    }
    return coder;
  }

  /** The codes of a field's column (a shifted column is a new object, so it is coded anew). */
  codes(field: string, column: ChunkColumn | undefined, rowCount: number): Int32Array {
    if (column === undefined) {
      return textCodes(this.coder(field), column, rowCount);
    }
    let codes = this.coded.get(column);
    if (codes === undefined) {
      codes = textCodes(this.coder(field), column, rowCount);
      this.coded.set(column, codes);
    }
    return codes;
  }
}

/**
 * The feed of a ready model. `textColumns` are the production snapshot's text columns (a
 * categorical feature reading one of them alone is watched as its raw categories, coded by
 * `raw`); `derived` is the scenario's own SQL features.
 */
export function modelFeed(model: ReadyModel, textColumns: ReadonlySet<string>, derived: Readonly<Record<string, string>>, raw: RawCategories): ModelFeed {
  return model.features === null ? columnFeed(model, derived) : specFeed(model, textColumns, derived, raw);
}

function specFeed(model: ReadyModel, textColumns: ReadonlySet<string>, derived: Readonly<Record<string, string>>, raw: RawCategories): ModelFeed {
  // A scenario's serving variant (the UTC bug) is what production runs, so the replay serves through it.
  const serving = model.serving!;
  // The series as the variant computes them (its features may read other fields).
  const spec = servedSpec(model.features!.spec, serving.variant);
  const series: SeriesSpec[] = spec.features.map((f) => {
    const rawField = f.kind === 'categorical' && f.fields.length === 1 && textColumns.has(f.fields[0]!) ? f.fields[0]! : null;
    const coder = f.kind !== 'categorical' ? null : rawField !== null ? raw.coder(rawField) : new CategoryCoder();
    return { name: f.name, kind: f.kind, rawField, fields: f.fields, coder };
  });
  const rawFields = serving.fields;
  const plannedNames = spec.features.map((f) => `${model.role}.${f.name}`);
  return {
    model,
    series,
    productionColumns: rawFields,
    referenceQuery: {
      // The planned feature columns by name: a model on a serving variant reads raw fields in production, its training features here.
      columns: [...new Set([...plannedNames, ...series.flatMap((s) => (s.rawField === null ? [] : [s.rawField]))])],
      derived: { ...derived, ...model.derived },
      relations: model.relations,
      joins: model.joins,
    },
    async production(chunk) {
      const served = await serveChunk(serving, chunk);
      const numbers = series.map((s, j) => (s.kind === 'numeric' ? { values: served.values[j]!, valid: validOf(served.values[j]!) } : null));
      const codes = series.map((s, j) =>
        s.kind !== 'categorical'
          ? null
          : s.rawField === null
            ? numberCodes(s.coder!, served.values[j]!)
            : raw.codes(s.rawField, chunk.columns[s.rawField], chunk.rowCount),
      );
      const absent = series.map((s) => s.fields.some((f) => served.absentFields.includes(f)));
      // The model's inputs are its planned columns (`blue.distance`, ...) in spec order: the served rows only.
      const scoredCount = count(served.served);
      let batch: FeatureBatch | null = null;
      if (scoredCount > 0) {
        const columns: Record<string, ChunkColumn> = {};
        plannedNames.forEach((name, j) => {
          columns[name] = { kind: 'number', values: compact(served.values[j]!, served.served, scoredCount), valid: new Uint8Array(scoredCount).fill(1) };
        });
        batch = model.fromFeatures({ rowCount: scoredCount, eventTime: new Float64Array(scoredCount), label: null, columns });
      }
      return {
        rowCount: chunk.rowCount,
        numbers,
        codes,
        scored: served.served,
        scoredCount,
        batch,
        refusal: served.refusal,
        absentFields: served.absentFields,
        absent,
      };
    },
    reference(chunk) {
      const numbers = series.map((s) => (s.kind === 'numeric' ? numberColumn(chunk, `${model.role}.${s.name}`) : null));
      const codes = series.map((s) =>
        s.kind !== 'categorical'
          ? null
          : s.rawField !== null
            ? raw.codes(s.rawField, chunk.columns[s.rawField], chunk.rowCount)
            : numberColumnCodes(s.coder!, chunk.columns[`${model.role}.${s.name}`], chunk.rowCount),
      );
      return allScored(chunk, numbers, codes, model.fromFeatures(chunk));
    },
  };
}

function columnFeed(model: ReadyModel, derived: Readonly<Record<string, string>>): ModelFeed {
  const series: SeriesSpec[] = model.columns.map((name) => ({ name, kind: 'numeric', rawField: null, fields: [name], coder: null }));
  const feed = (chunk: ColumnChunk): FedChunk => {
    const numbers = series.map((s) => numberColumn(chunk, s.name));
    const absent = model.columns.filter((c) => chunk.columns[c] === undefined);
    const text = model.columns.filter((c) => chunk.columns[c]?.kind === 'text');
    if (absent.length > 0 || text.length > 0) {
      // The model cannot be fed at all: nothing is scored, and the window says why.
      const refusal =
        absent.length > 0
          ? `column "${absent[0]}": expected in the snapshot, but the chunk has no such column`
          : `column "${text[0]}" holds text; the model's input expects numbers`;
      return {
        rowCount: chunk.rowCount,
        numbers,
        codes: series.map(() => null),
        scored: new Uint8Array(chunk.rowCount),
        scoredCount: 0,
        batch: null,
        refusal,
        absentFields: absent,
        absent: series.map((s) => absent.includes(s.name)),
      };
    }
    // A model without a spec has no serving variant: its features are its columns.
    return allScored(
      chunk,
      numbers,
      series.map(() => null),
      model.fromFeatures(chunk),
    );
  };
  return {
    model,
    series,
    productionColumns: model.columns,
    referenceQuery: { columns: model.columns, derived, relations: {}, joins: [] },
    production: async (chunk) => feed(chunk),
    reference: feed,
  };
}

function allScored(chunk: ColumnChunk, numbers: FedChunk['numbers'], codes: FedChunk['codes'], batch: FeatureBatch): FedChunk {
  const n = chunk.rowCount;
  return {
    rowCount: n,
    numbers,
    codes,
    scored: new Uint8Array(n).fill(1),
    scoredCount: n,
    batch: n > 0 ? batch : null,
    refusal: null,
    absentFields: [],
    absent: numbers.map(() => false),
  };
}

/** A numeric column's values and validity; an absent or text column is all null. */
function numberColumn(chunk: ColumnChunk, name: string): { values: Float64Array; valid: Uint8Array } {
  const column = chunk.columns[name];
  if (column === undefined || column.kind !== 'number') {
    return { values: new Float64Array(chunk.rowCount).fill(Number.NaN), valid: new Uint8Array(chunk.rowCount) };
  }
  return { values: column.values, valid: column.valid };
}

function validOf(values: Float64Array): Uint8Array {
  const valid = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    valid[i] = Number.isNaN(values[i]!) ? 0 : 1;
  }
  return valid;
}

function numberCodes(coder: CategoryCoder, values: Float64Array): Int32Array {
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    codes[i] = Number.isNaN(values[i]!) ? -1 : coder.numberCode(values[i]!);
  }
  return codes;
}

function numberColumnCodes(coder: CategoryCoder, column: ChunkColumn | undefined, rowCount: number): Int32Array {
  if (column === undefined || column.kind === 'text') {
    return textCodes(coder, column, rowCount);
  }
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) {
    codes[i] = column.valid[i] === 1 && !Number.isNaN(column.values[i]!) ? coder.numberCode(column.values[i]!) : -1;
  }
  return codes;
}

/** Codes of a text column's categories; a numeric column's values keyed by their text; absent: all null. */
function textCodes(coder: CategoryCoder, column: ChunkColumn | undefined, rowCount: number): Int32Array {
  if (column === undefined) {
    return new Int32Array(rowCount).fill(-1);
  }
  if (column.kind === 'number') {
    return numberColumnCodes(coder, column, rowCount);
  }
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) {
    const value = column.values[i]!;
    codes[i] = value === null ? -1 : coder.code(value);
  }
  return codes;
}

function compact(values: Float64Array, keep: Uint8Array, kept: number): Float64Array {
  if (kept === values.length) {
    return values;
  }
  const out = new Float64Array(kept);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    if (keep[i] === 1) {
      out[k++] = values[i]!;
    }
  }
  return out;
}

function count(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    n += mask[i]!;
  }
  return n;
}
