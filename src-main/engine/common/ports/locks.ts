/** Lock files, for the dependency check (docs/ARCHITECTURE.md, "Dependencies"). engine/node reads them from disk. */
import type { LockFile } from '../locks/lockFile';
import type { ModelArtifact } from './models';

/** The lock files the dependency check compares. */
export interface LockStore {
  /** The model's training lock (`training.lock` in its folder), or why it has none. */
  training(artifact: ModelArtifact): Promise<LockFile | { readonly unavailable: string }>;
  /**
   * The lock of the serving environment production runs in, on the backend the run resolved for
   * it: the embedded backend's is this project's own production install, Docker's its image's.
   */
  serving(backend: 'docker' | 'embedded'): Promise<{ readonly backend: string; readonly lock: LockFile }>;
}
