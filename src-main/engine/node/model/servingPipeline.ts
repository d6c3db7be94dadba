/** The serving pipeline of a model folder, run in this process by a model server answering raw records. */
import { dirname } from 'node:path';
import { servingPipeline, type ServingPipeline } from '../../common/features/featureSpec';
import { loadBoundFeatures, readModelCard } from './modelCard';
import { modelLocation } from './modelFolder';
import { declaredServingPipeline } from '../pipelines/inProcessServing';

/** The model's own serving pipeline, or null when its card declares no feature module (numeric input only). */
export async function loadServingPipeline(modelPath: string): Promise<ServingPipeline | null> {
  const { onnxPath, isFolder } = modelLocation(modelPath);
  if (!isFolder) {
    return null;
  }
  const folder = dirname(onnxPath);
  const card = readModelCard(folder);
  // A declared serving module runs in the server's process; a declared feature service is not called from here.
  if (card?.pipeline !== undefined) {
    return declaredServingPipeline(folder, card);
  }
  const bound = await loadBoundFeatures(folder, card);
  return bound ? servingPipeline(bound.spec, bound.tables) : null;
}
