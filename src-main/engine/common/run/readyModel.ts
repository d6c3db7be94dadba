/**
 * A loaded model made ready to score: its features (the feature spec's training SQL, when its
 * card names one) and its inputs planned against the snapshot's columns. Shared by the preflight
 * phase and `rehearse score`, so a model is fed the same way wherever it is scored.
 */
import { servingPipeline, trainingPipeline } from '../features/featureSpec';
import { buildBatch, planInputs } from '../features/inputPlan';
import type { ModelSection } from '../scenario/sections/models';
import type { ModelArtifact, LoadedModel } from './environment';
import { InputError } from './inputError';
import type { ReadyModel } from './state';

/**
 * Plans the model's inputs; a mismatch closes the session and is an InputError listing what was
 * expected and found. `where` names the model in that message (`models.blue (path)`, `--model`).
 */
export async function readyModel(
  role: 'blue' | 'green',
  artifact: ModelArtifact,
  loaded: LoadedModel,
  section: Pick<ModelSection, 'inputs' | 'threshold'>,
  available: readonly string[],
  where: string,
): Promise<ReadyModel> {
  const { inference, features } = loaded;
  // The spec's SQL reads raw fields: a missing one is named here, not as a DuckDB binder error.
  const absent = features ? [...new Set(features.spec.features.flatMap((f) => f.fields))].filter((field) => !available.includes(field)) : [];
  if (absent.length > 0) {
    await inference.close();
    throw new InputError(where, `feature spec ${features!.spec.id} reads ${absent.map((f) => `"${f}"`).join(', ')}: expected in the snapshot, found columns: ${available.join(', ')}`);
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
  return {
    role,
    artifact,
    inference,
    threshold: section.threshold,
    columns: plan.columns,
    derived,
    relations: training.relations,
    joins: training.joins,
    serving: features ? servingPipeline(features.spec, features.tables) : null,
    features,
    toBatch: (chunk) => buildBatch(plan, chunk),
  };
}
