/**
 * A model card's `pipeline`: the model's feature pipelines declared as data or named as the
 * team's own code, never engine code (docs/your-own-model.md). The training side is SQL over the
 * raw row (each feature's `sql` in the card's `features`, categorical ones coded through their
 * frozen code tables) or a training-features file joined to the snapshot by an id; the serving
 * side is a JavaScript module whose exported function maps one raw record to its features (run by
 * the node side in a worker thread), or an HTTP endpoint that does the same (a feature service).
 */
import { z } from 'zod';

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected letters, digits and _ (not starting with a digit)');

/** Each feature's `sql` from the card's `features`, run by DuckDB over the raw row. */
const sqlTraining = z.strictObject({ kind: z.literal('sql') });

/** A file of training features (what a team keeps from training), joined to the snapshot's rows by id. */
const fileTraining = z.strictObject({
  kind: z.literal('file'),
  /** Parquet or CSV, relative to the model folder. */
  file: z.string().min(1),
  /** The id column(s), present in the file and in the snapshot; each id must be unique in the file. */
  id: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** Feature name -> the file's column holding it (default: the feature's own name). */
  columns: z.record(z.string(), z.string().min(1)).optional(),
});

/** A module in the model folder (`.mjs` or `.js`) exporting `function (record, tables) -> { feature: number }`. */
const moduleServing = z.strictObject({
  kind: z.literal('module'),
  module: z.string().regex(/\.(mjs|js)$/, 'expected a JavaScript module path ending .mjs or .js (bundle TypeScript into one when the model is built)'),
  /** The export that is the feature function (default `features`; `default` for a default export). */
  export: z.string().min(1).default('features'),
});

/** A feature service: POST one raw record as JSON, answer 200 with `{ feature: number }`, 4xx with a message for a record it refuses. */
const httpServing = z.strictObject({
  kind: z.literal('http'),
  url: z.url({ protocol: /^https?$/ }),
  /** Requests in flight at once. */
  concurrency: z.number().int().min(1).max(64).default(8),
});

export const pipelineDeclarationSchema = z.strictObject({
  /** The raw record's fields, as clients send them: what the serving side receives. */
  fields: z.array(z.string().min(1)).min(1),
  /** The features in input order (default: the card's `features`, their names and kinds). */
  features: z
    .array(z.strictObject({ name, kind: z.enum(['numeric', 'categorical']) }))
    .min(1)
    .optional(),
  training: z.discriminatedUnion('kind', [sqlTraining, fileTraining]),
  serving: z.discriminatedUnion('kind', [moduleServing, httpServing]),
  /**
   * Other serving code a deployment may run instead (`features.servingVariant` in a scenario):
   * a team rehearses the serving change it is about to ship against the training side.
   */
  servingVariants: z
    .record(
      z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'expected a variant name of letters, digits, _ and -'),
      z.discriminatedUnion('kind', [moduleServing, httpServing]),
    )
    .optional(),
});

export type PipelineDeclaration = z.output<typeof pipelineDeclarationSchema>;

/** One declared feature of a card's `features` (the generic trainer writes them). */
export const declaredFeatureSchema = z.looseObject({
  name,
  kind: z.enum(['numeric', 'categorical']),
  sql: z.string().min(1).optional(),
  /** A categorical feature's code table, a file in the model folder. */
  codes: z.string().min(1).optional(),
});

export type DeclaredFeature = z.output<typeof declaredFeatureSchema>;
