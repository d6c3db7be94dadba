/** Reads a model folder's `reference.json` (DESIGN.md, "A model folder"): the training window's profile. */
import { join } from 'node:path';
import type { ModelCard } from '../../common/model/modelCard';
import { referenceProfileSchema, type ReferenceProfile } from '../../common/model/referenceProfile';
import { readJsonFile } from '../files/jsonFile';

/** The folder's reference profile (the card may name another file), or null when it has none. */
export function readReferenceProfile(folder: string, card: ModelCard | null): ReferenceProfile | null {
  const named = card?.['reference'];
  return readJsonFile(join(folder, typeof named === 'string' ? named : 'reference.json'), referenceProfileSchema);
}
