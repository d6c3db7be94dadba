/** The serving pipeline of a model folder, run in this process by a model server answering raw records. */
import { dirname } from 'node:path';
import { servingPipeline, type ServingPipeline } from '../../common/features/featureSpec';
import { loadBoundFeatures, readModelCard } from './modelCard';
import { modelLocation } from './modelFolder';

/** The model's own serving pipeline, or null when its card declares no feature module (numeric input only). */
export async function loadServingPipeline(modelPath: string): Promise<ServingPipeline | null> {
  const { onnxPath, isFolder } = modelLocation(modelPath);
  if (!isFolder) {
    return null;
  }
  const folder = dirname(onnxPath);
  const card = readModelCard(folder);
  // A declared pipeline serves from the team's worker module or feature service, not in this process: the server takes features.
  if (card?.pipeline !== undefined) {
    return null;
  }
  const bound = await loadBoundFeatures(folder, card);
  return bound ? servingPipeline(bound.spec, bound.tables) : null;
}
