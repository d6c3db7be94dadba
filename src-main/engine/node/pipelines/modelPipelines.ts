/**
 * Where a model folder's pipelines come from, in one place: the card's declared `pipeline`
 * (declaredFeatures) or the feature module it names (loadBoundFeatures). Kept apart from
 * model/modelCard.ts so the model server's bundle, which reads cards, never carries DuckDB.
 */
import { join } from 'node:path';
import type { FeatureSpec } from '../../common/features/featureSpec';
import type { ModelCard } from '../../common/model/modelCard';
import type { BoundFeatures } from '../../common/ports/featurePipelines';
import { InputError } from '../../common/run/inputError';
import { loadBoundFeatures, loadFeatureSpec } from '../model/modelCard';
import { declaredFeatures } from './declaredFeatures';

/** The model's pipelines bound to its tables, or null when its card declares none. */
export async function loadModelPipelines(folder: string, card: ModelCard | null): Promise<BoundFeatures | null> {
  if (card?.pipeline === undefined) {
    return loadBoundFeatures(folder, card);
  }
  refuseBoth(folder, card);
  return declaredFeatures(folder, card, card.pipeline);
}

/** The model's features (names, kinds, training SQL), or null when its card declares none. */
export async function loadModelFeatureSpec(folder: string, card: ModelCard | null): Promise<FeatureSpec | null> {
  return card?.pipeline === undefined ? loadFeatureSpec(folder, card) : ((await loadModelPipelines(folder, card))?.spec ?? null);
}

/** A card declares its pipelines one way: a feature module, or a `pipeline`. */
function refuseBoth(folder: string, card: ModelCard): void {
  if (card.featureModule !== undefined || card.featureSpec !== undefined) {
    throw new InputError(join(folder, 'model-card.json'), 'pipeline: expected either a pipeline or a featureModule/featureSpec, found both');
  }
}
