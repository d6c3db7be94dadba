/** The FeaturePipelines port on model folders: each model's card and the module it names (`loadModelPipelines`: a declared pipeline or a feature module). */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FeaturePipelines } from '../../common/ports/featurePipelines';
import { readModelCard } from './modelCard';
import { loadModelPipelines } from '../pipelines/modelPipelines';

/** Pipelines read from each model's folder; a bare .onnx file declares none. */
export function folderFeaturePipelines(): FeaturePipelines {
  return {
    async forModel(artifact) {
      if (!existsSync(artifact.path) || !statSync(artifact.path).isDirectory()) {
        return null;
      }
      const folder = dirname(artifact.onnxPath);
      return loadModelPipelines(folder, readModelCard(folder));
    },
  };
}
