/** Reads a model folder's `reference.json` (DESIGN.md, "A model folder"): the training window's profile. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceProfileSchema, type ReferenceProfile } from '../../common/model/referenceProfile';
import type { ModelCard } from '../../common/model/modelCard';
import { InputError } from '../../common/run/inputError';

/** The folder's reference profile (the card may name another file), or null when it has none. */
export function readReferenceProfile(folder: string, card: ModelCard | null): ReferenceProfile | null {
  const named = card?.['reference'];
  const path = join(folder, typeof named === 'string' ? named : 'reference.json');
  if (!existsSync(path)) {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(path, `expected JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = referenceProfileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(path, `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
