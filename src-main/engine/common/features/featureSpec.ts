/**
 * A feature spec: the model's features defined once, each with two implementations (issue 3):
 * the training pipeline, SQL over one snapshot row run by DuckDB in batch, and the serving
 * pipeline, TypeScript over one raw record. The parity check (issue 10) compares the two.
 */
import type { FeatureBatch } from '../ports/inference';
import type { RawRecord } from './rawRecord';

/** Lookup tables a model ships in its `serving/` folder (encodings, route delay rates, ...), by name. */
export type ServingTables = Readonly<Record<string, unknown>>;

/** One feature, twice. */
export interface FeatureDefinition {
  readonly name: string;
  /** How drift statistics treat it. */
  readonly kind: 'numeric' | 'categorical';
  /** Raw fields the serving implementation reads. */
  readonly fields: readonly string[];
  /** The training pipeline: a DuckDB SQL expression over one snapshot row. */
  sql(tables: ServingTables): string;
  /** The serving pipeline: the same value from one raw record. Throws RecordFieldError on a bad field. */
  serve(record: RawRecord, tables: ServingTables): number;
}

/** A model's feature spec: its features in input order. */
export interface FeatureSpec {
  readonly id: string;
  readonly features: readonly FeatureDefinition[];
  /** Names of the tables its implementations read. */
  readonly tables: readonly string[];
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

/** The serving half of a spec, bound to its tables. */
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

/** The training half of a spec: feature name -> SQL expression. */
export function trainingSql(spec: FeatureSpec, tables: ServingTables): Record<string, string> {
  return Object.fromEntries(spec.features.map((f) => [f.name, f.sql(tables)]));
}
