/**
 * A loaded model made ready to score: its features (the feature spec's training SQL, when its
 * card names one) and its inputs planned against the snapshot's columns. Shared by the preflight
 * phase and `rehearse score`, so a model is fed the same way wherever it is scored.
 */
import { rawRecordsOf } from '../features/rawRecord';
import { trainingPipeline, type ServingFeatures } from '../features/featureSpec';
import { buildBatch, inputKindProblems, planInputs, type InputPlan } from '../features/inputPlan';
import type { BoundFeatures } from '../ports/featurePipelines';
import type { FeatureBatch, Inference } from '../ports/inference';
import type { LoadedModel, ModelArtifact } from '../ports/models';
import type { ColumnChunk, SnapshotColumn } from '../ports/snapshot';
import type { ModelSection } from '../scenario/sections/models';
import { InputError } from './inputError';
import type { ReadyModel } from './state';

/**
 * Plans the model's inputs; a mismatch closes the session and is an InputError listing what was
 * expected and found. `where` names the model in that message (`models.blue (path)`, `--model`).
 * Given the snapshot, a numeric input fed from a text, date or timestamp column is refused too.
 */
export async function readyModel(
  role: 'blue' | 'green',
  artifact: ModelArtifact,
  loaded: LoadedModel & { readonly features: BoundFeatures | null },
  section: Pick<ModelSection, 'inputs' | 'threshold'>,
  available: readonly string[],
  where: string,
  servingVariant: ServingVariantChoice | null = null,
  snapshot: { readonly description: string; readonly columns: readonly SnapshotColumn[] } | null = null,
): Promise<ReadyModel> {
  const { inference, features } = loaded;
  if (servingVariant !== null && features === null) {
    await inference.close();
    throw new InputError(
      servingVariant.field,
      `${artifact.name} has no feature spec (its card names none), so it has no serving variant "${servingVariant.name}"`,
    );
  }
  const serving = features ? await boundServing(features, servingVariant, inference) : null;
  // The spec's SQL reads raw fields: a missing one is named here, not as a DuckDB binder error.
  const absent = features ? [...new Set(features.spec.features.flatMap((f) => f.fields))].filter((field) => !available.includes(field)) : [];
  if (absent.length > 0) {
    await inference.close();
    throw new InputError(
      where,
      `feature spec ${features!.spec.id} reads ${absent.map((f) => `"${f}"`).join(', ')}: expected in the snapshot, found columns: ${available.join(', ')}`,
    );
  }
  // A model with a feature spec computes its own features: the training half as SQL, named per
  // model (`blue.dep_hour`) since blue and green may define a feature differently.
  const training = features ? trainingPipeline(features.spec, features.tables, role) : { sql: {}, relations: {}, joins: [] };
  const derived = Object.fromEntries(Object.entries(training.sql).map(([name, sql]) => [`${role}.${name}`, sql]));
  const order = features ? features.spec.features.map((f) => `${role}.${f.name}`) : artifact.featureOrder;
  const planned = planInputs(inference.inputs, section.inputs, order, [...available, ...Object.keys(derived)]);
  if (!planned.ok) {
    await inference.close();
    throw new InputError(where, `the model's inputs do not match the snapshot: ${planned.problems.join('; ')}`);
  }
  const plan = planned.plan;
  const kinds = snapshot === null ? [] : inputKindProblems(plan, snapshot.columns, snapshot.description);
  if (kinds.length > 0) {
    await inference.close();
    throw new InputError(where, `the model's inputs do not match the snapshot: ${kinds.join('; ')}`);
  }
  // The plan's batch from the model's feature columns: toBatch too, unless a serving variant replaces it.
  const fromFeatures = (chunk: ColumnChunk): FeatureBatch => buildBatch(plan, chunk);
  if (serving !== null && servingVariant !== null) {
    try {
      const model = servingVariantModel(role, artifact, inference, section.threshold, serving, plan, available, servingVariant.field);
      return { ...model, derived, relations: training.relations, joins: training.joins, features, fromFeatures };
    } catch (error) {
      await inference.close();
      throw error;
    }
  }
  return {
    role,
    artifact,
    inference,
    threshold: section.threshold,
    columns: plan.columns,
    derived,
    relations: training.relations,
    joins: training.joins,
    features,
    serving,
    toBatch: async (chunk) => fromFeatures(chunk),
    fromFeatures,
  };
}

/** A serving variant chosen by the scenario, and the field that chose it (for messages). */
export interface ServingVariantChoice {
  readonly name: string;
  readonly field: string;
}

/** The model's serving pipeline: its spec's own, or the variant the scenario chose. */
async function boundServing(features: BoundFeatures, choice: ServingVariantChoice | null, inference: Inference): Promise<ServingFeatures> {
  try {
    return features.serving(choice?.name ?? null);
  } catch (error) {
    await inference.close();
    throw new InputError(choice?.field ?? 'features.servingVariant', error instanceof Error ? error.message : String(error));
  }
}

/**
 * A model whose inputs come from its serving variant, as production would compute them: each chunk's
 * rows become raw records and go through the serving code. The training SQL is kept for the parity check.
 */
function servingVariantModel(
  role: 'blue' | 'green',
  artifact: ModelArtifact,
  inference: Inference,
  threshold: number,
  serving: ServingFeatures,
  plan: InputPlan,
  available: readonly string[],
  field: string,
): Omit<ReadyModel, 'derived' | 'relations' | 'joins' | 'features' | 'fromFeatures'> {
  const binding = plan.bindings[0];
  if (plan.bindings.length !== 1 || binding?.layout !== 'matrix' || binding.type !== 'float32') {
    throw new InputError(field, `a serving variant feeds one float32 [N, F] input; ${artifact.name} has ${plan.bindings.length} inputs`);
  }
  const absent = serving.fields.filter((f) => !available.includes(f));
  if (absent.length > 0) {
    throw new InputError(
      field,
      `serving variant "${serving.variant}" reads ${absent.map((f) => `"${f}"`).join(', ')}: expected in the snapshot, found columns: ${available.join(', ')}`,
    );
  }
  return {
    role,
    artifact,
    inference,
    threshold,
    columns: serving.fields,
    serving,
    toBatch: async (chunk) => servedBatch(serving, chunk, binding.input),
  };
}

/** A chunk's rows through the serving pipeline as one [N, F] float32 matrix; a record it refuses stops the batch, as a server would answer 400. */
async function servedBatch(serving: ServingFeatures, chunk: ColumnChunk, input: string): Promise<FeatureBatch> {
  const { values, problems } = await serving.serve(rawRecordsOf(chunk, serving.fields));
  const refused = problems.find((p) => p !== null);
  if (refused) {
    throw new Error(refused.message);
  }
  const width = values.length;
  const data = new Float32Array(chunk.rowCount * width);
  for (let i = 0; i < chunk.rowCount; i++) {
    for (let j = 0; j < width; j++) {
      data[i * width + j] = values[j]![i]!;
    }
  }
  return { [input]: { type: 'float32', dims: [chunk.rowCount, width], data } };
}
