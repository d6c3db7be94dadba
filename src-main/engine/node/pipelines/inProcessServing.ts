/**
 * A declared serving module run in the model server's own process, so `/predict` takes raw
 * records for a model whose card declares `pipeline.serving.kind: module`. The server is a process
 * of its own (never the engine's), and its inference runs off the event loop already; the module
 * is loaded by path, as a feature module is. A feature service (`kind: http`) is not called from
 * the server: such a model takes features.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServingPipeline } from '../../common/features/featureSpec';
import type { RawRecord } from '../../common/features/rawRecord';
import type { ModelCard } from '../../common/model/modelCard';
import { declaredFeatureSchema } from '../../common/model/pipelineDeclaration';
import { InputError } from '../../common/run/inputError';
import { fileInsideFolder } from './folderFile';
import { featureValues } from './servedValues';

type FeatureFunction = (record: RawRecord, tables: unknown) => unknown;

/** The card's serving module as the server's pipeline, or null when the card declares a feature service. */
export async function declaredServingPipeline(folder: string, card: ModelCard): Promise<ServingPipeline | null> {
  const pipeline = card.pipeline!;
  if (pipeline.serving.kind !== 'module') {
    return null;
  }
  const cardPath = join(folder, 'model-card.json');
  const path = fileInsideFolder(folder, pipeline.serving.module, 'pipeline.serving.module', cardPath);
  const digest = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
  const loaded = (await import(/* @vite-ignore */ `${pathToFileURL(path).href}?sha256=${digest}`)) as Record<string, unknown>;
  const fn = loaded[pipeline.serving.export];
  if (typeof fn !== 'function') {
    throw new InputError(path, `export "${pipeline.serving.export}" is not a function; the module exports: ${Object.keys(loaded).join(', ') || 'nothing'}`);
  }
  const raw = card['features'];
  const features = pipeline.features ?? (Array.isArray(raw) ? raw : []).map((f) => declaredFeatureSchema.parse(f));
  const names = features.map((f) => f.name);
  const tables = Object.fromEntries(
    Object.entries(card.servingTables ?? {}).map(([name, file]) => [
      name,
      JSON.parse(readFileSync(fileInsideFolder(folder, file, `servingTables.${name}`, cardPath), 'utf8')) as unknown,
    ]),
  );
  const featuresOf = (record: RawRecord): Float64Array => {
    let result: unknown;
    try {
      result = (fn as FeatureFunction)(record, tables);
    } catch (error) {
      throw refusal(error, record);
    }
    const read = featureValues(result, names);
    if ('problem' in read) {
      throw refusal(new Error(read.problem.message), record);
    }
    return Float64Array.from(read.values);
  };
  return {
    specId: `${card.name ?? 'model'} pipeline`,
    variant: null,
    fields: pipeline.fields,
    features: names,
    kinds: features.map((f) => f.kind),
    featureFields: names.map(() => pipeline.fields),
    featuresOf,
    toBatch(records, input) {
      const data = new Float32Array(records.length * names.length);
      records.forEach((record, i) => data.set(featuresOf(record), i * names.length));
      return { [input]: { type: 'float32', dims: [records.length, names.length], data } };
    },
    serve() {
      return Promise.reject(new Error('the model server computes one record at a time (featuresOf)'));
    },
  };
}

/** What the module threw, as the record field error the server answers 400 with (naming the field when the error does). */
function refusal(error: unknown, record: RawRecord): Error {
  const field = typeof (error as { field?: unknown })?.field === 'string' ? (error as { field: string }).field : null;
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(message), {
    name: 'RecordFieldError',
    field: field ?? 'record',
    expected: `a record the serving module accepts (it said: ${message})`,
    found: field === null ? 'a record it refused' : JSON.stringify(record[field] ?? null),
  });
}
