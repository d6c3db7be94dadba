/** Reads a model folder's card and the serving tables its feature spec needs. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { BoundFeatures } from '../../common/run/environment';
import { InputError } from '../../common/run/inputError';
import { jsonProblem } from '../../common/validation/contentFree';
import { featureSpecById, knownFeatureSpecs } from '../../common/features/specs/registry';
import { modelCardSchema, type ModelCard } from '../../common/model/modelCard';
import { readJsonFile } from '../files/jsonFile';

/** The card of a model folder, or null when there is none. */
export function readModelCard(folder: string): ModelCard | null {
  return readJsonFile(join(folder, 'model-card.json'), modelCardSchema);
}

/** The card's feature spec bound to its tables, or null when the card names none. */
export function loadBoundFeatures(folder: string, card: ModelCard | null): BoundFeatures | null {
  if (!card?.featureSpec) {
    return null;
  }
  const spec = featureSpecById(card.featureSpec);
  if (!spec) {
    throw new InputError(
      join(folder, 'model-card.json'),
      `featureSpec "${card.featureSpec}" is not one this version knows (${knownFeatureSpecs().join(', ')})`,
    );
  }
  const tables: Record<string, unknown> = {};
  for (const name of spec.tables) {
    const file = card.servingTables?.[name];
    if (file === undefined) {
      throw new InputError(
        join(folder, 'model-card.json'),
        `servingTables.${name}: expected the file of the "${name}" table that feature spec ${spec.id} reads`,
      );
    }
    const path = resolve(folder, file);
    if (!path.startsWith(resolve(folder) + sep) || !existsSync(path)) {
      throw new InputError(path, `serving table "${name}" not found inside the model folder`);
    }
    const text = readFileSync(path, 'utf8');
    try {
      tables[name] = JSON.parse(text);
    } catch (error) {
      throw new InputError(path, `expected a JSON serving table, found ${jsonProblem(error, text)}`);
    }
  }
  if (!spec.prepareTables) {
    return { spec, tables };
  }
  try {
    return { spec, tables: spec.prepareTables(tables) };
  } catch (error) {
    throw new InputError(
      join(folder, 'model-card.json'),
      `the serving tables of feature spec ${spec.id} are not valid: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
