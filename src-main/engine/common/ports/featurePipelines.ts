/**
 * A model's feature pipelines come from outside the core (docs/ARCHITECTURE.md, "Feature
 * pipelines"): the core knows the shape of a spec (`features/featureSpec.ts`: each feature's name,
 * kind, raw fields, training SQL and serving code) and asks this port for a model's, bound to its
 * tables. engine/node fills it from the model folder: the ES module its card names, loaded by
 * path. No feature of any data set is named in engine/common.
 */
import type { FeatureSpec, ServingFeatures, ServingTables } from '../features/featureSpec';
import type { ModelArtifact } from './models';

/** A model's spec bound to its tables, and the serving pipelines a deployment of it may run. */
export interface BoundFeatures {
  readonly spec: FeatureSpec;
  /** The tables as the spec prepared them (what its SQL and serving code read). */
  readonly tables: ServingTables;
  /**
   * The serving pipeline a deployment runs: the spec's own (null), or one of its named variants.
   * Throws an Error naming the variants the spec has when it has no such one.
   */
  serving(variant: string | null): ServingFeatures;
}

/** Where each model's pipelines come from. */
export interface FeaturePipelines {
  /**
   * The pipelines a model declares, or null when it declares none (it is then fed snapshot
   * columns as they are). An InputError names the file and field when a declaration is broken.
   */
  forModel(artifact: ModelArtifact): Promise<BoundFeatures | null>;
}
