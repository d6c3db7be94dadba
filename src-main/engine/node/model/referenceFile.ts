/** Reads a model folder's `reference.json` (DESIGN.md, "A model folder"): the training window's profile. */
import { join, resolve } from 'node:path';
import { InputError } from '../../common/run/inputError';
import { isWithin } from '../../common/workspace/workspace';
import type { ModelCard } from '../../common/model/modelCard';
import { referenceProfileSchema, type ReferenceProfile } from '../../common/model/referenceProfile';
import { readJsonFile } from '../files/jsonFile';

/** The folder's reference profile (the card may name another file), or null when it has none. */
export function readReferenceProfile(folder: string, card: ModelCard | null): ReferenceProfile | null {
  const named = card?.['reference'];
  const path = resolve(folder, typeof named === 'string' ? named : 'reference.json');
  // A card names a file of its own folder; a name that leaves it would read what the workspace never allowed.
  if (!isWithin(path, resolve(folder))) {
    throw new InputError(join(folder, 'model-card.json'), 'reference: expected a file inside the model folder');
  }
  return readJsonFile(path, referenceProfileSchema);
}
