/** What phases hand to later phases within one run. */
import type { ServingPipeline } from '../features/featureSpec';
import type { FeatureBatch, Inference } from '../ports/inference';
import type { ColumnChunk, LookupJoin, SqlRelation } from '../ports/snapshot';
import type { BoundFeatures, ModelArtifact } from './environment';

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
  /** The model's feature spec bound to its tables, when its card names one (the parity checks read it). */
  readonly features: BoundFeatures | null;
  /** The model's serving pipeline (the scenario's serving variant, if it chose one), when it has a feature spec. */
  readonly serving: ServingPipeline | null;
  /** Builds the model's input tensors from a chunk. */
  readonly toBatch: (chunk: ColumnChunk) => FeatureBatch;
}

/** Mutable per-run state, owned by the orchestrator and passed to each phase. */
export interface RunState {
  readonly models: ReadyModel[];
  readonly artifacts: ModelArtifact[];
}
