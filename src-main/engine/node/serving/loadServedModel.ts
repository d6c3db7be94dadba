/**
 * Opens the model a server will serve: digests first (a mismatch or a missing digest refuses to
 * start unless allowed, DESIGN.md "A model folder"), then its card and serving pipeline, then the
 * session in the inference worker; and works out how records become its inputs.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ServerFaults } from '../../../contract/events';
import type { ModelArtifact } from '../../common/run/environment';
import { InputError } from '../../common/run/inputError';
import { serverFaultsSchema } from '../../common/scenario/sections/faults';
import { problemOfIssue } from '../../common/serving/requestProblem';
import { recordLayout, type ServedModel } from '../../common/serving/servedModel';
import { readModelCard } from '../model/modelCard';
import { modelLocation, verifyModel } from '../model/modelFolder';
import { loadServingPipeline } from '../model/servingPipeline';
import type { ServerOptions } from './serverOptions';
import { openWorkerModel, type WorkerModel } from './workerRunner';

/** The digests did not match (or there was none) and --allow-unverified was not given. */
export class DigestRefusal extends InputError {
  constructor(readonly artifact: ModelArtifact) {
    super(artifact.path, `refusing to serve: ${artifact.message}\n${artifact.files.map((f) => `  ${f.file}: expected ${f.expected ?? 'no digest'}, found ${f.actual ?? 'no file'}`).join('\n')}\n(--allow-unverified serves it anyway, and says so)`);
  }
}

/** A served model and the worker that runs it. */
export interface OpenedModel {
  readonly artifact: ModelArtifact;
  readonly model: ServedModel;
  readonly worker: WorkerModel;
  readonly featureSpec: string | null;
}

/** Verifies, then loads in a worker started from `workerScript`. */
export async function loadServedModel(options: ServerOptions, workerScript: string | URL): Promise<OpenedModel> {
  const artifact = verifyModel(options.model, options.name ?? undefined);
  if (!artifact.verified && !options.allowUnverified) {
    throw new DigestRefusal(artifact);
  }
  const card = modelLocation(options.model).isFolder ? readModelCard(dirname(artifact.onnxPath)) : null;
  const pipeline = loadServingPipeline(options.model);
  let worker: WorkerModel;
  try {
    worker = await openWorkerModel(workerScript, artifact.onnxPath, options.ep, options.threads === null ? {} : { intraOpNumThreads: options.threads });
  } catch (error) {
    throw new InputError(artifact.onnxPath, `expected an ONNX model that onnxruntime can load: ${error instanceof Error ? error.message : String(error)}`);
  }
  const layout = recordLayout(worker.inputs, pipeline, card?.featureOrder ?? null);
  if (!layout.ok) {
    await worker.close();
    throw new InputError(artifact.path, layout.problem);
  }
  const name = options.name ?? card?.name ?? artifact.name;
  const cardVersion = (card as { version?: unknown } | null)?.version;
  return {
    artifact,
    worker,
    featureSpec: pipeline?.specId ?? null,
    model: {
      name,
      version: options.modelVersion ?? (typeof cardVersion === 'string' ? cardVersion : name),
      inputs: worker.inputs,
      outputs: worker.outputs.filter((o) => o.type !== 'non-tensor'),
      maxBatch: options.maxBatch,
      layout: layout.layout,
    },
  };
}

/** The faults of `--faults`: a JSON file, or inline JSON. */
export function readFaults(spec: string): ServerFaults {
  const inline = spec.trimStart().startsWith('{');
  const where = inline ? '--faults' : spec;
  let text: string;
  try {
    text = inline ? spec : readFileSync(spec, 'utf8');
  } catch {
    throw new InputError(where, 'faults file not found: expected a JSON file of faults (or the JSON itself)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(where, `expected JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = serverFaultsSchema.safeParse(json);
  if (!parsed.success) {
    const problem = problemOfIssue(parsed.error.issues[0]!);
    throw new InputError(`${where}: ${problem.field || 'faults'}`, problem.expected);
  }
  return parsed.data;
}
