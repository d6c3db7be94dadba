/** What phases hand to later phases within one run. */
import type { BoundFeatures } from '../ports/featurePipelines';
import type { ServingFeatures } from '../features/featureSpec';
import type { FeatureBatch, Inference } from '../ports/inference';
import type { ModelArtifact } from '../ports/models';
import type { ColumnChunk, LookupJoin, SqlRelation } from '../ports/snapshot';
import type { ModelFeed } from '../replay/modelFeed';
import type { SeasonalReference } from '../replay/seasonalReference';

/** A model ready to score: loaded, with its inputs planned. */
export interface ReadyModel {
  readonly role: 'blue' | 'green';
  readonly artifact: ModelArtifact;
  readonly inference: Inference;
  readonly threshold: number;
  /** Snapshot columns (or derived names) the model reads. */
  readonly columns: readonly string[];
  /** The model's training-pipeline features as SQL, by derived name (`blue.dep_hour`). */
  readonly derived: Readonly<Record<string, string>>;
  /** The lookup relations that SQL reads (`blue.airports`), and its joins into them. */
  readonly relations: Readonly<Record<string, SqlRelation>>;
  readonly joins: readonly LookupJoin[];
  /** The model's feature pipelines, when it declares them (the parity checks read them; the replay serves chunks through them). */
  readonly features: BoundFeatures | null;
  /** The model's serving pipeline (the scenario's serving variant, if it chose one), when it has feature pipelines. */
  readonly serving: ServingFeatures | null;
  /** Builds the model's input tensors from a chunk (through its serving pipeline when a variant replaces the training SQL). */
  readonly toBatch: (chunk: ColumnChunk) => Promise<FeatureBatch>;
  /**
   * Builds them from a chunk holding the model's feature columns (`blue.dep_hour`, ...), whatever
   * serving variant it runs: the replay serves features itself, through the variant's code.
   */
  readonly fromFeatures: (chunk: ColumnChunk) => FeatureBatch;
}

/** A replayed model's feed and its seasonal reference (its training window, read once). */
export interface WatchedReference {
  readonly feed: ModelFeed;
  readonly reference: SeasonalReference;
}

/** Mutable per-run state, owned by the orchestrator and passed to each phase. */
export interface RunState {
  readonly models: ReadyModel[];
  readonly artifacts: ModelArtifact[];
  /** The replay's references by role, which the rollout compares its steps with rather than reading them again. */
  readonly references: Map<'blue' | 'green', WatchedReference>;
}
