/** The ModelStore port on the file system and onnxruntime-node. */
import type { LoadedModel, ModelArtifact, ModelStore } from '../../common/ports/models';
import { InputError } from '../../common/run/inputError';
import type { ModelSection } from '../../common/scenario/sections/models';
import { openOrtInference, type SessionTuning } from '../ort/ortInference';
import { verifyModel } from './modelFolder';

/** Models from model folders, run by onnxruntime-node. */
export function fileModelStore(tuning: SessionTuning = {}): ModelStore {
  return {
    async verify(section: ModelSection): Promise<ModelArtifact> {
      return verifyModel(section.path, section.name);
    },
    async load(artifact: ModelArtifact, provider: 'cpu' | 'cuda'): Promise<LoadedModel> {
      try {
        return await openOrtInference(artifact.onnxPath, provider, tuning);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        throw new InputError(artifact.onnxPath, `expected an ONNX model that onnxruntime can load: ${text.split('\n')[0]}`);
      }
    },
  };
}
