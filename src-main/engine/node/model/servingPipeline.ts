/** The serving pipeline of a model folder, for a model server answering raw records. */
import { dirname } from 'node:path';
import { servingPipeline, type ServingPipeline } from '../../common/features/featureSpec';
import { loadBoundFeatures, readModelCard } from './modelCard';
import { modelLocation } from './modelFolder';

/** The model's own serving pipeline, or null when its card names no feature spec (numeric input only). */
export function loadServingPipeline(modelPath: string): ServingPipeline | null {
  const { onnxPath, isFolder } = modelLocation(modelPath);
  if (!isFolder) {
    return null;
  }
  const folder = dirname(onnxPath);
  const bound = loadBoundFeatures(folder, readModelCard(folder));
  return bound ? servingPipeline(bound.spec, bound.tables) : null;
}
