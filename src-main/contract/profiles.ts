/**
 * Resource profiles as plain data: staging and production as a rehearsal runs them,
 * and the differences between them. The load phase records them in its events; `rehearse
 * profile-diff --json` prints the differences.
 */

/** One profile, resolved from the scenario (written out, or a Kubernetes Deployment). */
export interface ResourceProfile {
  readonly name: string;
  /** The container's memory limit (Kubernetes `limits.memory`), or null for none. */
  readonly memoryBytes: number | null;
  /** The CPU limit in cores (`limits.cpu`), or null for none. */
  readonly cpus: number | null;
  /** GPUs asked for (`nvidia.com/gpu`), or null. */
  readonly gpus: number | 'all' | null;
  /** The GPU model the nodes have (`nodeSelector: gpu-type`), or null. */
  readonly gpuType: string | null;
  readonly maxBatch: number;
  readonly maxQueueDelayMs: number;
  readonly timeoutMs: number;
  readonly backend: 'docker' | 'embedded';
  readonly executionProvider: 'cpu' | 'cuda';
  /** The Deployment file it was read from, or null when written out in the scenario. */
  readonly deployment: string | null;
}

/** One difference between two profiles; values as written (or formatted), null where a side does not set it. */
export interface ProfileDifference {
  /** `limits.memory`, `env.MAX_BATCH_SIZE`, `nodeSelector.gpu-type`, or a path in the file. */
  readonly field: string;
  /** `privileges`: a field that asks the node for more than CPU and memory (privileged, host network, ...), which no rehearsal grants. */
  readonly kind: 'resources' | 'batching' | 'placement' | 'runtime' | 'privileges' | 'other';
  readonly staging: string | null;
  readonly production: string | null;
  /** Where each side sets it, when read from files. */
  readonly lines?: { readonly staging: number | null; readonly production: number | null };
}
