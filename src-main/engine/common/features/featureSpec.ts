/**
 * A feature spec: the model's features defined once, each with two implementations (issue 3):
 * the training pipeline, SQL over one snapshot row run by DuckDB in batch, and the serving
 * pipeline, TypeScript over one raw record. The parity check (issue 10) compares the two.
 */
import type { FeatureBatch } from '../ports/inference';
import type { SqlRelation } from '../ports/snapshot';
import type { RawRecord } from './rawRecord';

/** Lookup tables a model ships in its `serving/` folder (encodings, route delay rates, ...), by name. */
export type ServingTables = Readonly<Record<string, unknown>>;

/** What a feature's SQL may use besides the row: the model's tables, and their relations by SQL name. */
export interface SqlContext {
  readonly tables: ServingTables;
  /** The quoted SQL name of one of the spec's relations (`spec.relations`) in this query. */
  relation(name: string): string;
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
}

/** What a model server runs on raw records before inference. */
export interface ServingPipeline {
  readonly specId: string;
  /** Raw fields the pipeline needs (the rollback-compatibility check reads this). */
  readonly fields: readonly string[];
  /** Feature names in input order. */
  readonly features: readonly string[];
  /** One [N, F] float32 matrix for the model's single input. */
  toBatch(records: readonly RawRecord[], input: string): FeatureBatch;
  /** The features of one record, in order (parity checks and monitoring sample these). */
  featuresOf(record: RawRecord): Float64Array;
}

/** The serving half of a spec, bound to its (prepared) tables. */
export function servingPipeline(spec: FeatureSpec, tables: ServingTables): ServingPipeline {
  const width = spec.features.length;
  const featuresOf = (record: RawRecord): Float64Array => Float64Array.from(spec.features, (f) => f.serve(record, tables));
  return {
    specId: spec.id,
    fields: [...new Set(spec.features.flatMap((f) => f.fields))],
    features: spec.features.map((f) => f.name),
    featuresOf,
    toBatch(records, input) {
      const data = new Float32Array(records.length * width);
      records.forEach((record, i) => data.set(featuresOf(record), i * width));
      return { [input]: { type: 'float32', dims: [records.length, width], data } };
    },
  };
}

/** The training half of a spec bound to a model's tables: SQL per feature and the relations it reads. */
export interface TrainingPipeline {
  /** Feature name -> SQL expression over one row. */
  readonly sql: Readonly<Record<string, string>>;
  /** Relation name (as the SQL refers to it) -> rows. */
  readonly relations: Readonly<Record<string, SqlRelation>>;
}

/**
 * The training half of a spec. `namespace` keeps two models' relations apart in one query
 * (blue and green may each ship an `airports` table): relation `airports` becomes `blue.airports`.
 */
export function trainingPipeline(spec: FeatureSpec, tables: ServingTables, namespace = ''): TrainingPipeline {
  const own = spec.relations?.(tables) ?? {};
  const qualified = (name: string): string => (namespace === '' ? name : `${namespace}.${name}`);
  const context: SqlContext = {
    tables,
    relation(name) {
      if (!(name in own)) {
        throw new Error(`feature spec ${spec.id} has no relation "${name}"; it has: ${Object.keys(own).join(', ') || 'none'}`);
      }
      return `"${qualified(name).replaceAll('"', '""')}"`;
    },
  };
  return {
    sql: Object.fromEntries(spec.features.map((f) => [f.name, f.sql(context)])),
    relations: Object.fromEntries(Object.entries(own).map(([name, relation]) => [qualified(name), relation])),
  };
}

/** The training half of a spec as feature name -> SQL, for specs that read no relation. */
export function trainingSql(spec: FeatureSpec, tables: ServingTables): Record<string, string> {
  return { ...trainingPipeline(spec, tables).sql };
}
