/** The ModelStore port on the file system and onnxruntime-node. */
import type { LoadedModel, ModelArtifact, ModelStore } from '../../common/run/environment';
import { InputError } from '../../common/run/inputError';
import type { ModelSection } from '../../common/scenario/sections/models';
import { openOrtInference, type SessionTuning } from '../ort/ortInference';
import { dirname } from 'node:path';
import { loadBoundFeatures, readModelCard } from './modelCard';
import { verifyModel } from './modelFolder';

/** Models from model folders, run by onnxruntime-node. */
export function fileModelStore(tuning: SessionTuning = {}): ModelStore {
  return {
    async verify(section: ModelSection): Promise<ModelArtifact> {
      return verifyModel(section.path, section.name);
    },
    async load(artifact: ModelArtifact, provider: 'cpu' | 'cuda'): Promise<LoadedModel> {
      // The card and its tables are read before the session, so a bad table never leaves a session open.
      const folder = dirname(artifact.onnxPath);
      const features = artifact.featureSpec ? loadBoundFeatures(folder, readModelCard(folder)) : null;
      try {
        return { ...(await openOrtInference(artifact.onnxPath, provider, tuning)), features };
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        throw new InputError(artifact.onnxPath, `expected an ONNX model that onnxruntime can load: ${text.split('\n')[0]}`);
      }
    },
  };
}
