/** Every feature spec the product knows, by the id a model card names in `featureSpec`. */
import type { FeatureSpec } from '../featureSpec';
import { smokeSpec } from './smoke';

const SPECS: readonly FeatureSpec[] = [smokeSpec];

/** The spec with this id, or undefined. */
export function featureSpecById(id: string): FeatureSpec | undefined {
  return SPECS.find((s) => s.id === id);
}

/** Ids of every known spec, for error messages. */
export function knownFeatureSpecs(): string[] {
  return SPECS.map((s) => s.id);
}
