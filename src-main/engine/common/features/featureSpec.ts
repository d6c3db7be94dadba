/**
 * A feature spec: the model's features defined once, each with two implementations:
 * the training pipeline, SQL over one snapshot row run by DuckDB in batch, and the serving
 * pipeline, TypeScript over one raw record. The parity check compares the two.
 */
import type { BoundFeatures } from '../ports/featurePipelines';
import type { FeatureBatch } from '../ports/inference';
import type { LookupJoin, SqlRelation } from '../ports/snapshot';
import { isRecordFieldError, type RawRecord } from './rawRecord';

/** Lookup tables a model ships in its `serving/` folder (encodings, route delay rates, ...), by name. */
export type ServingTables = Readonly<Record<string, unknown>>;

/** What a feature's SQL may use besides the row: the model's tables, and lookups into their relations. */
export interface SqlContext {
  readonly tables: ServingTables;
  /**
   * A column of the spec's relation `relation` (`spec.relations`) on the row whose key columns
   * equal the given SQL expressions over the snapshot row, or NULL when none does: a LEFT JOIN
   * the reader adds (DuckDB plans it as a hash join; a correlated subquery would hold the whole
   * snapshot to decorrelate it). Returns the SQL that names the joined column.
   */
  lookup(relation: string, on: Readonly<Record<string, string>>, column: string): string;
}

/** One feature, twice. */
export interface FeatureDefinition {
  readonly name: string;
  /** How drift statistics treat it; a categorical feature's values are integer codes. */
  readonly kind: 'numeric' | 'categorical';
  /** Raw fields the serving implementation reads. */
  readonly fields: readonly string[];
  /** The training pipeline: a DuckDB SQL expression over one snapshot row. */
  sql(context: SqlContext): string;
  /** The serving pipeline: the same value from one raw record. Throws RecordFieldError on a bad field. */
  serve(record: RawRecord, tables: ServingTables): number;
  /** For a feature joined from other rows' labels: how to recompute it from the raw rows (point-in-time check). */
  readonly joined?: JoinedFeature;
}

/**
 * A feature whose value aggregates the labels of other rows (a route's delay rate), as an as-of
 * table does: each request reads a value computed at some as-of time from the rows whose label was
 * known by then. Preflight recomputes it from the raw rows and ages it.
 */
export interface JoinedFeature {
  /** SQL over one raw row: the key rows are grouped by (`origin || '-' || destination`). */
  readonly keySql: string;
  /** The same key from a request's raw record. */
  key(record: RawRecord): string;
  /** The time (data clock, ms) the value this request reads was computed as of. */
  asOf(record: RawRecord, tables: ServingTables): number;
  /** The first row time the table counts from. */
  since(tables: ServingTables): number;
  /** The value the table's formula gives for `rows` rows of the key, `positives` of them labelled positive. */
  value(rows: number, positives: number, tables: ServingTables): number;
}

/** A model's feature spec: its features in input order. */
export interface FeatureSpec {
  readonly id: string;
  readonly features: readonly FeatureDefinition[];
  /** Names of the tables its implementations read. */
  readonly tables: readonly string[];
  /**
   * Validates the tables as read from the model folder and returns them in the form `serve` and
   * `sql` use (maps built once, not per record). Throws an Error naming the table and field.
   */
  prepareTables?(raw: ServingTables): ServingTables;
  /** The tables as relations the SQL joins against, by relation name. */
  relations?(tables: ServingTables): Readonly<Record<string, SqlRelation>>;
  /** Named variants of the serving pipeline a deployment may run instead (`features.servingVariant`). */
  readonly servingVariants?: Readonly<Record<string, ServingVariant>>;
}

/**
 * A named change to a spec's serving pipeline: what a deployment runs when its serving
 * code differs from training, such as the seed's UTC-vs-local hour. Scenarios select one to
 * rehearse the bug; the parity check must catch it and name the feature.
 */
export interface ServingVariant {
  readonly description: string;
  /** Feature name -> its serving implementation in this variant; the other features are the spec's own. */
  readonly features: Readonly<Record<string, Pick<FeatureDefinition, 'fields' | 'serve'>>>;
}

/** Why a record gave no features: the field it could not read (when known) and what was wrong. */
export interface RecordProblem {
  readonly field: string | null;
  readonly message: string;
}

/** A batch of records through a serving pipeline. */
export interface ServedRecords {
  /** Per feature (in input order), its value on each record; NaN where that feature could not be computed. */
  readonly values: readonly Float64Array[];
  /** Per record: null when every feature was computed, else the first problem. */
  readonly problems: readonly (RecordProblem | null)[];
}

/**
 * A model's serving pipeline as a run calls it: raw records in, features out, a batch at a time.
 * The run never calls serving code per record itself, so an implementation may run the team's
 * code in process (a module in the model folder), in a worker, or behind an HTTP endpoint.
 */
export interface ServingFeatures {
  readonly specId: string;
  /** The serving variant this pipeline runs, or null for the spec's own. */
  readonly variant: string | null;
  /** Raw fields the pipeline needs (the rollback-compatibility check reads this). */
  readonly fields: readonly string[];
  /** Feature names in input order. */
  readonly features: readonly string[];
  /** How drift statistics treat each feature, in input order. */
  readonly kinds: readonly ('numeric' | 'categorical')[];
  /** The features of every record, in order. Rejects only when the pipeline itself broke, never for a bad record. */
  serve(records: readonly RawRecord[]): Promise<ServedRecords>;
}

/** A serving pipeline running in this process: a model server calls it per record as requests arrive. */
export interface ServingPipeline extends ServingFeatures {
  /** Per feature (input order), the raw fields it reads in this pipeline (its variant's, where it has one). */
  readonly featureFields: readonly (readonly string[])[];
  /** One [N, F] float32 matrix for the model's single input. Throws RecordFieldError on the first bad record. */
  toBatch(records: readonly RawRecord[], input: string): FeatureBatch;
  /** The features of one record, in order (the model server and live monitoring sample these). */
  featuresOf(record: RawRecord): Float64Array;
}

/**
 * The serving half of a spec, bound to its (prepared) tables; with `variant`, that serving variant
 * of the spec (an Error names the variants the spec has when it has no such one).
 */
export function servingPipeline(spec: FeatureSpec, tables: ServingTables, variant: string | null = null): ServingPipeline {
  const features = variant === null ? spec.features : variantFeatures(spec, variant);
  const width = features.length;
  const featuresOf = (record: RawRecord): Float64Array => Float64Array.from(features, (f) => f.serve(record, tables));
  return {
    specId: spec.id,
    variant,
    fields: [...new Set(features.flatMap((f) => f.fields))],
    features: spec.features.map((f) => f.name),
    kinds: spec.features.map((f) => f.kind),
    featureFields: features.map((f) => f.fields),
    featuresOf,
    toBatch(records, input) {
      const data = new Float32Array(records.length * width);
      records.forEach((record, i) => data.set(featuresOf(record), i * width));
      return { [input]: { type: 'float32', dims: [records.length, width], data } };
    },
    serve: async (records) => serveInProcess(features, tables, records),
  };
}

/**
 * Each feature of each record, one feature at a time: a feature that cannot read its field gives
 * NaN for that record and the others are still computed (the replay watches every series even on
 * a record the model cannot score). Errors other than a bad field are the pipeline's own: thrown.
 */
function serveInProcess(features: readonly FeatureDefinition[], tables: ServingTables, records: readonly RawRecord[]): ServedRecords {
  const n = records.length;
  const values = features.map(() => new Float64Array(n));
  const problems: (RecordProblem | null)[] = new Array<RecordProblem | null>(n).fill(null);
  // Plain loops: the replay serves millions of records through here.
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    for (let j = 0; j < features.length; j++) {
      try {
        values[j]![i] = features[j]!.serve(record, tables);
      } catch (error) {
        if (!isRecordFieldError(error)) {
          throw error;
        }
        values[j]![i] = Number.NaN;
        problems[i] ??= { field: error.field, message: error.message };
      }
    }
  }
  return { values, problems };
}

/** A spec bound to its tables, its serving pipelines run in this process (a module loaded from a model folder, a test's spec). */
export function boundFeatures(spec: FeatureSpec, tables: ServingTables): BoundFeatures {
  return { spec, tables, serving: (variant) => servingPipeline(spec, tables, variant) };
}

/** The spec as a deployment running `variant` serves it (the spec itself for null): the replay serves chunks through this. */
export function servedSpec(spec: FeatureSpec, variant: string | null): FeatureSpec {
  return variant === null ? spec : { ...spec, features: variantFeatures(spec, variant) };
}

/** The spec's features with a variant's serving implementations in place of their own. */
function variantFeatures(spec: FeatureSpec, name: string): FeatureDefinition[] {
  const variant = spec.servingVariants?.[name];
  if (variant === undefined) {
    const known = Object.keys(spec.servingVariants ?? {});
    throw new Error(`feature spec ${spec.id} has no serving variant "${name}"; it has: ${known.length > 0 ? known.join(', ') : 'none'}`);
  }
  const unknown = Object.keys(variant.features).filter((name) => !spec.features.some((f) => f.name === name));
  if (unknown.length > 0) {
    throw new Error(`serving variant "${name}" of ${spec.id} redefines ${unknown.join(', ')}, which the spec does not have`);
  }
  return spec.features.map((f) => ({ ...f, ...variant.features[f.name] }));
}

/** The training half of a spec bound to a model's tables: SQL per feature and the lookups it reads. */
export interface TrainingPipeline {
  /** Feature name -> SQL expression over one row. */
  readonly sql: Readonly<Record<string, string>>;
  /** Relation name (qualified) -> rows. */
  readonly relations: Readonly<Record<string, SqlRelation>>;
  /** The lookups the SQL reads, as joins for the reader. */
  readonly joins: readonly LookupJoin[];
}

/**
 * The training half of a spec. `namespace` keeps two models' relations apart in one query
 * (blue and green may each ship an `airports` table): relation `airports` becomes `blue.airports`.
 */
export function trainingPipeline(spec: FeatureSpec, tables: ServingTables, namespace = ''): TrainingPipeline {
  const own = spec.relations?.(tables) ?? {};
  const qualified = (name: string): string => (namespace === '' ? name : `${namespace}.${name}`);
  const joins: LookupJoin[] = [];
  const context: SqlContext = {
    tables,
    lookup(relation, on, column) {
      const rows = own[relation];
      if (rows === undefined) {
        throw new Error(`feature spec ${spec.id} has no relation "${relation}"; it has: ${Object.keys(own).join(', ') || 'none'}`);
      }
      if (!rows.columns.some((c) => c.name === column)) {
        throw new Error(`feature spec ${spec.id}: relation "${relation}" has no column "${column}"`);
      }
      const key = JSON.stringify([qualified(relation), on]);
      let join = joins.find((j) => JSON.stringify([j.relation, j.on]) === key);
      if (join === undefined) {
        join = { alias: qualified(`lookup${joins.length}`), relation: qualified(relation), on, columns: [] };
        joins.push(join);
      }
      if (!join.columns.includes(column)) {
        (join.columns as string[]).push(column);
      }
      return quoteIdentifier(`${join.alias}.${column}`);
    },
  };
  return {
    sql: Object.fromEntries(spec.features.map((f) => [f.name, f.sql(context)])),
    relations: Object.fromEntries(Object.entries(own).map(([name, relation]) => [qualified(name), relation])),
    joins,
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The training half of a spec as feature name -> SQL, for specs that read no relation. */
export function trainingSql(spec: FeatureSpec, tables: ServingTables): Record<string, string> {
  return { ...trainingPipeline(spec, tables).sql };
}
