/**
 * Models: verified from their folders (digests) and loaded into an `Inference` on an execution
 * provider. engine/node reads model folders and runs onnxruntime-node; tests hold weights in memory.
 */
import type { DigestCheck } from '../../../contract/events';
import type { Inference } from './inference';
import type { ModelSection } from '../scenario/sections/models';

/** A model folder (or .onnx file) with its digests checked, not yet loaded. */
export interface ModelArtifact {
  readonly name: string;
  readonly path: string;
  readonly onnxPath: string;
  /** sha256 of the .onnx file as read now. */
  readonly sha256: string;
  readonly verified: boolean;
  readonly files: readonly DigestCheck[];
  /** Why it is or is not verified, in one sentence. */
  readonly message: string;
  /** The model card's feature order, when the folder has a card. */
  readonly featureOrder?: readonly string[];
  /** The feature spec id the card names (its pipelines come from the folder: `FeaturePipelines`). */
  readonly featureSpec?: string;
}

/** A loaded model and, when the requested provider could not be used, why. */
export interface LoadedModel {
  readonly inference: Inference;
  readonly fallbackReason: string | null;
}

/** Opens models. Verifying never loads; loading is only for verified (or allowed) artifacts. */
export interface ModelStore {
  verify(section: ModelSection): Promise<ModelArtifact>;
  load(artifact: ModelArtifact, provider: 'cpu' | 'cuda'): Promise<LoadedModel>;
}
