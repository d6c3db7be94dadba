/**
 * Reads a model folder's card and its feature pipelines: the ES module the card names
 * (`featureModule`), loaded by path, whose default export is the feature spec, bound to the
 * serving tables the card lists. This is where a model's pipelines enter the product; the core
 * never imports a spec (docs/ARCHITECTURE.md, "Feature pipelines").
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { boundFeatures, type FeatureSpec } from '../../common/features/featureSpec';
import { jsonProblem } from '../../common/validation/contentFree';
import { modelCardSchema, type ModelCard } from '../../common/model/modelCard';
import type { BoundFeatures } from '../../common/ports/featurePipelines';
import { InputError } from '../../common/run/inputError';
import { readJsonFile } from '../files/jsonFile';

/** The card of a model folder, or null when there is none. */
export function readModelCard(folder: string): ModelCard | null {
  return readJsonFile(join(folder, 'model-card.json'), modelCardSchema);
}

/** The card's feature pipelines bound to its tables, or null when the card declares none. */
export async function loadBoundFeatures(folder: string, card: ModelCard | null): Promise<BoundFeatures | null> {
  const spec = await loadFeatureSpec(folder, card);
  if (spec === null) {
    return null;
  }
  const cardPath = join(folder, 'model-card.json');
  const tables: Record<string, unknown> = {};
  for (const name of spec.tables) {
    const file = card?.servingTables?.[name];
    if (file === undefined) {
      throw new InputError(cardPath, `servingTables.${name}: expected the file of the "${name}" table that feature spec ${spec.id} reads`);
    }
    const path = insideFolder(folder, file, `serving table "${name}"`);
    const text = readFileSync(path, 'utf8');
    try {
      tables[name] = JSON.parse(text);
    } catch (error) {
      throw new InputError(path, `expected a JSON serving table, found ${jsonProblem(error, text)}`);
    }
  }
  if (!spec.prepareTables) {
    return boundFeatures(spec, tables);
  }
  try {
    return boundFeatures(spec, spec.prepareTables(tables));
  } catch (error) {
    throw new InputError(cardPath, `the serving tables of feature spec ${spec.id} are not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The spec the card's `featureModule` exports, or null when the card names none. */
export async function loadFeatureSpec(folder: string, card: ModelCard | null): Promise<FeatureSpec | null> {
  const cardPath = join(folder, 'model-card.json');
  if (card?.featureModule === undefined) {
    if (card?.featureSpec !== undefined) {
      throw new InputError(
        cardPath,
        `featureSpec "${card.featureSpec}" needs featureModule: the ES module in the model folder that defines it (e.g. "serving/features.mjs", its default export the spec)`,
      );
    }
    return null;
  }
  const path = insideFolder(folder, card.featureModule, 'feature module');
  let loaded: { readonly default?: unknown };
  try {
    // The file's digest in the URL: a module changed on disk is loaded anew, never served stale from Node's cache.
    const digest = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
    loaded = (await import(/* @vite-ignore */ `${pathToFileURL(path).href}?sha256=${digest}`)) as { readonly default?: unknown };
  } catch (error) {
    throw new InputError(path, `the feature module could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  const spec = checkedSpec(loaded.default, path);
  if (card.featureSpec !== undefined && card.featureSpec !== spec.id) {
    throw new InputError(cardPath, `featureSpec "${card.featureSpec}" does not match the module's spec "${spec.id}" (${card.featureModule})`);
  }
  return spec;
}

/** The module's default export, checked to be a feature spec in its outline (what each feature must have). */
function checkedSpec(value: unknown, path: string): FeatureSpec {
  const spec = value as Partial<FeatureSpec> | undefined;
  if (typeof spec !== 'object' || spec === null || typeof spec.id !== 'string' || !Array.isArray(spec.features) || !Array.isArray(spec.tables)) {
    throw new InputError(path, 'expected a default export of a feature spec: { id, tables: [...], features: [...] }');
  }
  spec.features.forEach((f, j) => {
    const ok =
      typeof f?.name === 'string' &&
      (f.kind === 'numeric' || f.kind === 'categorical') &&
      Array.isArray(f.fields) &&
      typeof f.sql === 'function' &&
      typeof f.serve === 'function';
    if (!ok) {
      throw new InputError(path, `features[${j}]: expected { name, kind: "numeric" | "categorical", fields: [...], sql(context), serve(record, tables) }`);
    }
  });
  return spec as FeatureSpec;
}

/** A file the card names, inside the folder; an InputError otherwise. */
function insideFolder(folder: string, file: string, what: string): string {
  const path = resolve(folder, file);
  if (!path.startsWith(resolve(folder) + sep) || !existsSync(path)) {
    throw new InputError(path, `${what} not found inside the model folder`);
  }
  return path;
}
