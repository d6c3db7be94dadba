/**
 * What `rehearse init` needs of a model: its inputs as onnxruntime declares them, and from its card
 * the feature order, the feature spec (and the raw fields its SQL reads), the training window and
 * the label.
 */
import { relative } from 'node:path';
import type { ModelFacts } from '../../common/draft/draftFacts';
import { parseEventTime } from '../../common/time/eventTime';
import { inspectModel } from '../model/inspectModel';
import { loadBoundFeatures, readModelCard } from '../model/modelCard';
import { modelLocation } from '../model/modelFolder';

/** Reads one model; `scenarioFolder` is where the scenario will be written (its paths are relative to it). */
export async function readModelFacts(
  path: string,
  role: 'blue' | 'green',
  scenarioFolder: string,
  features: readonly string[] | undefined,
): Promise<ModelFacts> {
  const inspection = await inspectModel(path);
  const { folder, isFolder } = modelLocation(path);
  const card = isFolder ? readModelCard(folder) : null;
  const bound = isFolder && card?.featureSpec ? await loadBoundFeatures(folder, card) : null;
  const raw = (card ?? {}) as Record<string, unknown>;
  const name = inspection.card?.name ?? baseName(path);
  return {
    role,
    path: relative(scenarioFolder, path) || '.',
    name,
    inputs: inspection.inputs,
    ...(card?.featureOrder ? { featureOrder: card.featureOrder } : {}),
    ...(card?.featureSpec ? { featureSpec: card.featureSpec } : {}),
    ...(bound ? { specFields: [...new Set(bound.spec.features.flatMap((f) => f.fields))] } : {}),
    ...(card?.pipeline ? { pipelineFields: card.pipeline.fields } : {}),
    ...trainingWindowOf(raw['trainingWindow']),
    ...labelOf(raw['label']),
    ...(features ? { features } : {}),
  };
}

function trainingWindowOf(value: unknown): Pick<ModelFacts, 'trainingWindow'> {
  if (typeof value !== 'object' || value === null) {
    return {};
  }
  const { from, to } = value as Record<string, unknown>;
  const start = typeof from === 'string' ? parseEventTime(from) : null;
  const end = typeof to === 'string' ? parseEventTime(to) : null;
  return start !== null && end !== null && end > start ? { trainingWindow: { from: start, to: end } } : {};
}

function labelOf(value: unknown): Pick<ModelFacts, 'label'> {
  const expression = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['expression'] : undefined;
  return typeof expression === 'string' && expression !== '' ? { label: expression } : {};
}

function baseName(path: string): string {
  return (
    path
      .replace(/[/\\]+$/, '')
      .split(/[/\\]/)
      .at(-1)
      ?.replace(/\.onnx$/i, '') ?? path
  );
}
