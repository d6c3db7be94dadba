/** Every feature spec the product knows, by the id a model card names in `featureSpec`. */
import type { FeatureSpec } from '../featureSpec';
import { flightsV1Spec } from './flightsV1';
import { flightsV2Spec } from './flightsV2';
import { smokeSpec } from './smoke';

const SPECS: readonly FeatureSpec[] = [smokeSpec, flightsV1Spec, flightsV2Spec];

/** The spec with this id, or undefined. */
export function featureSpecById(id: string): FeatureSpec | undefined {
  return SPECS.find((s) => s.id === id);
}

/** Ids of every known spec, for error messages. */
export function knownFeatureSpecs(): string[] {
  return SPECS.map((s) => s.id);
}
