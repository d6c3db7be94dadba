/**
 * A model folder's declared pipelines (the card's `pipeline`) as the core's BoundFeatures: the
 * training side as SQL the snapshot reader runs (each feature's declared SQL, categorical ones
 * coded through their code tables; or a training-features file joined by id), the serving side as
 * the team's module in a worker or its feature service. Nothing here knows any data set.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { FeatureDefinition, FeatureSpec, ServingFeatures, ServingTables } from '../../common/features/featureSpec';
import type { BoundFeatures } from '../../common/ports/featurePipelines';
import type { SqlRelation } from '../../common/ports/snapshot';
import { declaredFeatureSchema, type PipelineDeclaration } from '../../common/model/pipelineDeclaration';
import type { ModelCard } from '../../common/model/modelCard';
import { InputError } from '../../common/run/inputError';
import { sqlIdentifier } from '../duckdb/database';
import { httpServing } from './httpServing';
import { readTrainingFeatures, TRAINING_RELATION } from './trainingFeaturesFile';
import { moduleServing } from './workerServing';
import { fileInsideFolder } from './folderFile';

const codeTableSchema = z.looseObject({ codes: z.array(z.string()) });

/** One declared feature as the loader needs it. */
interface Declared {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  readonly sql: string | null;
  readonly codes: string | null;
}

/** The declaration bound: training SQL and relations, and the serving pipeline started. */
export async function declaredFeatures(folder: string, card: ModelCard, pipeline: PipelineDeclaration): Promise<BoundFeatures> {
  const cardPath = join(folder, 'model-card.json');
  const declared = declaredList(card, pipeline, cardPath);
  const tables = servingTables(folder, card, cardPath);
  const relations: Record<string, SqlRelation> = {};
  const idColumns = pipeline.training.kind === 'file' ? [pipeline.training.id].flat() : [];
  let sqlOf: (feature: Declared) => FeatureDefinition['sql'];
  if (pipeline.training.kind === 'sql') {
    for (const f of declared) {
      if (f.kind === 'categorical') {
        relations[`codes_${f.name}`] = codeRelation(folder, f, cardPath);
      }
    }
    sqlOf = (f) => (context) => {
      if (f.kind === 'numeric') {
        return `CAST((${f.sql}) AS DOUBLE)`;
      }
      return `CAST(coalesce(${context.lookup(`codes_${f.name}`, { value: `CAST((${f.sql}) AS VARCHAR)` }, 'code')}, 0) AS DOUBLE)`;
    };
  } else {
    const training = pipeline.training;
    const columns = Object.fromEntries(declared.map((f) => [f.name, training.columns?.[f.name] ?? f.name]));
    const unknown = Object.keys(training.columns ?? {}).filter((name) => !declared.some((f) => f.name === name));
    if (unknown.length > 0) {
      throw new InputError(cardPath, `pipeline.training.columns: ${unknown.join(', ')} is not a declared feature (${declared.map((f) => f.name).join(', ')})`);
    }
    const file = fileInsideFolder(folder, training.file, 'pipeline.training.file', cardPath);
    relations[TRAINING_RELATION] = await readTrainingFeatures(file, idColumns, Object.values(columns), cardPath);
    const on = Object.fromEntries(idColumns.map((id) => [id, `CAST(${sqlIdentifier(id)} AS VARCHAR)`]));
    sqlOf = (f) => (context) => context.lookup(TRAINING_RELATION, on, columns[f.name]!);
  }
  // The snapshot must carry what the serving side receives and what the training side joins by.
  const fields = [...new Set([...pipeline.fields, ...idColumns])];
  const features: FeatureDefinition[] = declared.map((f) => ({
    name: f.name,
    kind: f.kind,
    fields,
    sql: sqlOf(f),
    serve() {
      throw new Error(`${f.name} is served by the declared pipeline (${servingWhere(pipeline.serving)}), not in this process`);
    },
  }));
  // Variants change where serving runs, not what the features are: each keeps the spec's names, kinds and fields.
  const servingVariants = Object.fromEntries(
    Object.entries(pipeline.servingVariants ?? {}).map(([variant, declaration]) => [
      variant,
      { description: `${servingWhere(declaration)} (model-card.json pipeline.servingVariants)`, features: {} },
    ]),
  );
  const spec: FeatureSpec = { id: `${card.name ?? basename(folder)} pipeline`, features, tables: [], relations: () => relations, servingVariants };
  const serving = await servingOf(folder, pipeline.serving, pipeline, spec, tables, cardPath, 'pipeline.serving');
  const variants = new Map<string, ServingFeatures>();
  for (const [name, declaration] of Object.entries(pipeline.servingVariants ?? {})) {
    const variant = await servingOf(folder, declaration, pipeline, spec, tables, cardPath, `pipeline.servingVariants.${name}`);
    variants.set(name, { ...variant, variant: name });
  }
  return {
    spec,
    tables,
    serving(variant) {
      if (variant === null) {
        return serving;
      }
      const chosen = variants.get(variant);
      if (chosen === undefined) {
        throw new Error(
          `${spec.id} has no serving variant "${variant}" (model-card.json pipeline.servingVariants); it has: ${[...variants.keys()].join(', ') || 'none'}`,
        );
      }
      return chosen;
    },
  };
}

/** The features in input order with what each declares; an InputError names the card's field. */
function declaredList(card: ModelCard, pipeline: PipelineDeclaration, cardPath: string): Declared[] {
  const raw = card['features'];
  const fromCard = Array.isArray(raw) ? raw : [];
  const cardFeatures = fromCard.map((value, i) => {
    const parsed = declaredFeatureSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(cardPath, `features[${i}].${issue.path.join('.')}: ${issue.message}`);
    }
    return parsed.data;
  });
  const order = pipeline.features ?? cardFeatures.map((f) => ({ name: f.name, kind: f.kind }));
  if (order.length === 0) {
    throw new InputError(cardPath, 'pipeline.features: expected the features in input order ({ name, kind }), or the card\'s "features"');
  }
  return order.map((f, i) => {
    const own = cardFeatures.find((c) => c.name === f.name);
    const at =
      own === undefined ? `pipeline.features[${i}]` : `features[${fromCard.indexOf(fromCard.find((c: unknown) => (c as { name?: unknown }).name === f.name))}]`;
    if (pipeline.training.kind === 'sql' && own?.sql === undefined) {
      throw new InputError(cardPath, `${at}: feature "${f.name}" has no sql; pipeline.training.kind "sql" reads each feature's sql from the card's "features"`);
    }
    if (pipeline.training.kind === 'sql' && f.kind === 'categorical' && own?.codes === undefined) {
      throw new InputError(cardPath, `${at}: categorical feature "${f.name}" has no codes (its code table file, serving/<feature>-codes.json)`);
    }
    return { name: f.name, kind: f.kind, sql: own?.sql ?? null, codes: own?.codes ?? null };
  });
}

/** The card's serving tables as JSON, by name: what the serving module receives beside each record. */
function servingTables(folder: string, card: ModelCard, cardPath: string): ServingTables {
  const tables: Record<string, unknown> = {};
  for (const [name, file] of Object.entries(card.servingTables ?? {})) {
    const path = fileInsideFolder(folder, file, `servingTables.${name}`, cardPath);
    try {
      tables[name] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new InputError(path, `expected a JSON serving table: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return tables;
}

/** A categorical feature's code table as the relation its training SQL looks values up in. */
function codeRelation(folder: string, feature: Declared, cardPath: string): SqlRelation {
  const path = fileInsideFolder(folder, feature.codes!, `features "${feature.name}" codes`, cardPath);
  let parsed: z.ZodSafeParseResult<{ codes: string[] }>;
  try {
    parsed = codeTableSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new InputError(path, `expected a JSON code table: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!parsed.success) {
    throw new InputError(path, "codes: expected the code table's values as an array of text (codes[i] is code i + 1)");
  }
  return {
    columns: [
      { name: 'value', type: 'VARCHAR' },
      { name: 'code', type: 'BIGINT' },
    ],
    rows: parsed.data.codes.map((value, i) => [value, i + 1]),
  };
}

async function servingOf(
  folder: string,
  serving: PipelineDeclaration['serving'],
  pipeline: PipelineDeclaration,
  spec: FeatureSpec,
  tables: ServingTables,
  cardPath: string,
  field: string,
): Promise<ServingFeatures> {
  const common = {
    specId: spec.id,
    features: spec.features.map((f) => f.name),
    kinds: spec.features.map((f) => f.kind),
    fields: pipeline.fields,
  };
  if (serving.kind === 'http') {
    return httpServing({ ...common, url: serving.url, concurrency: serving.concurrency });
  }
  const path = fileInsideFolder(folder, serving.module, `${field}.module`, cardPath);
  return moduleServing({ ...common, path, exportName: serving.export, tables });
}

function servingWhere(serving: PipelineDeclaration['serving']): string {
  return serving.kind === 'http' ? `feature service ${serving.url}` : `module ${serving.module} (export ${serving.export})`;
}
