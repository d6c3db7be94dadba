/** A model's runtimes compared on the same inputs (onnxruntime optimized and not, tfjs where the folder has it). */
import type { RuntimeParityOptions, RuntimeParityResult } from '../runtime/runtimeParity';
import type { FeatureBatch } from './inference';
import type { ModelArtifact } from './models';

/** Runs a model's batches through each of its runtimes. */
export interface RuntimeStore {
  parity(artifact: ModelArtifact, batches: readonly FeatureBatch[], options: RuntimeParityOptions): Promise<RuntimeParityResult>;
}
