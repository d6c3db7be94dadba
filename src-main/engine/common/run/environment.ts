/**
 * What a run needs from the outside world, as ports (DESIGN.md, "Rules"): engine/node supplies
 * the real adapters, tests supply in-memory ones.
 */
import type { DigestCheck, RunEventBody } from '../../../contract/events';
import type { MachineInfo } from '../../../contract/report';
import type { FeatureSpec, ServingTables } from '../features/featureSpec';
import type { Clock } from '../ports/clock';
import type { LockFile } from '../locks/lockFile';
import type { FeatureBatch, Inference } from '../ports/inference';
import type { LoadPort, ServingPort } from '../ports/serving';
import type { RolloutRig } from '../ports/rolloutRig';
import type { RuntimeParityOptions, RuntimeParityResult } from '../runtime/runtimeParity';
import type { SnapshotStore } from '../ports/snapshot';
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
  /** The feature spec id the card names (training SQL + serving TypeScript). */
  readonly featureSpec?: string;
}

/** A feature spec bound to the tables its model ships. */
export interface BoundFeatures {
  readonly spec: FeatureSpec;
  readonly tables: ServingTables;
}

/** A loaded model and, when the requested provider could not be used, why. */
export interface LoadedModel {
  readonly inference: Inference;
  readonly fallbackReason: string | null;
  /** The model's own features, when its card names a spec; null for a bare model fed columns. */
  readonly features: BoundFeatures | null;
}

/** Opens models. Verifying never loads; loading is only for verified (or allowed) artifacts. */
export interface ModelStore {
  verify(section: ModelSection): Promise<ModelArtifact>;
  load(artifact: ModelArtifact, provider: 'cpu' | 'cuda'): Promise<LoadedModel>;
}

/** The lock files the dependency check compares (docs/ARCHITECTURE.md, "Dependencies"). */
export interface LockStore {
  /** The model's training lock (`training.lock` in its folder), or why it has none. */
  training(artifact: ModelArtifact): Promise<LockFile | { readonly unavailable: string }>;
  /**
   * The lock of the serving environment the models run in, and its name. The embedded backend's
   * is this project's own production install; a container backend brings its image's lock.
   */
  serving(): Promise<{ readonly backend: string; readonly lock: LockFile }>;
}

/** The runtimes of a model compared on the same inputs (onnxruntime optimized and not, tfjs where the folder has it). */
export interface RuntimeStore {
  parity(artifact: ModelArtifact, batches: readonly FeatureBatch[], options: RuntimeParityOptions): Promise<RuntimeParityResult>;
}

/** Everything a run reads from outside its scenario. */
export interface RunEnvironment {
  readonly runId: string;
  readonly clock: Clock;
  readonly models: ModelStore;
  readonly snapshots: SnapshotStore;
  readonly locks: LockStore;
  readonly runtimes: RuntimeStore;
  readonly machine: MachineInfo;
  readonly versions: Readonly<Record<string, string>>;
  /** The execution provider asked for (CLI flag, UI choice); CPU when absent. */
  readonly executionProvider: 'cpu' | 'cuda';
  /** Run models whose digests do not match or are missing; recorded in the log. */
  readonly allowUnverified: boolean;
  /** Told once about a notable condition (a provider fallback), besides the log. */
  readonly announce?: (body: RunEventBody) => void;
  /** Model servers under resource profiles and the load generator (issue 6); the load phase needs both. */
  readonly serving?: ServingPort;
  readonly load?: LoadPort;
  /** The backend a person chose (`--backend`, the app); each profile's own when absent. */
  readonly backend?: 'embedded' | 'docker';
  /** The profile a person chose: names the one profile of a scenario that has `load` but no `profiles`. */
  readonly profile?: 'staging' | 'production';
  /** Model servers behind a router for the rollout phase (issue 8); a face without one cannot rehearse a rollout. */
  readonly rollout?: RolloutRig;
}
