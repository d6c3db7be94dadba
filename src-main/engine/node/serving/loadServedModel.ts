/**
 * Opens the model a server will serve: digests first (a mismatch or a missing digest refuses to
 * start unless allowed, DESIGN.md "A model folder"), then its card and serving pipeline, then the
 * session in the inference worker; and works out how records become its inputs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { DigestCheck, ServerFaults } from '../../../contract/events';
import type { ReferenceProfile } from '../../common/model/referenceProfile';
import type { ModelArtifact } from '../../common/ports/models';
import { InputError } from '../../common/run/inputError';
import { serverFaultsSchema } from '../../common/scenario/sections/faults';
import { problemOfIssue } from '../../common/serving/requestProblem';
import { payloadProfileOf } from '../../common/load/payloadProfile';
import { codeRanges, recordLayout, type ServedModel } from '../../common/serving/servedModel';
import { readModelCard } from '../model/modelCard';
import { modelLocation, sha256File, verifyModel } from '../model/modelFolder';
import { readReferenceProfile } from '../model/referenceFile';
import { loadServingPipeline } from '../model/servingPipeline';
import type { ServerOptions } from './serverOptions';
import { openWorkerModel, type WorkerModel } from './workerRunner';

/** The digests did not match (or there was none) and --allow-unverified was not given. */
export class DigestRefusal extends InputError {
  constructor(
    readonly artifact: ModelArtifact,
    hint = '(--allow-unverified serves it anyway, and says so)',
  ) {
    super(
      artifact.path,
      `refusing to serve: ${artifact.message}\n${artifact.files.map((f) => `  ${f.file}: expected ${f.expected ?? 'no digest'}, found ${f.actual ?? 'no file'}`).join('\n')}\n${hint}`,
    );
  }
}

/** A served model and the worker that runs it. */
export interface OpenedModel {
  readonly artifact: ModelArtifact;
  readonly model: ServedModel;
  readonly worker: WorkerModel;
  readonly featureSpec: string | null;
  /** The folder's reference.json, which the live layer 2 and 3 metrics compare with; null without one. */
  readonly reference: ReferenceProfile | null;
}

/** Verifies, then loads in a worker started from `workerScript`. */
export async function loadServedModel(options: ServerOptions, workerScript: string | URL): Promise<OpenedModel> {
  const artifact = verifyModel(options.model, options.name ?? undefined);
  if (!artifact.verified && !options.allowUnverified) {
    throw new DigestRefusal(artifact);
  }
  const imageMismatch = imageDigestMismatch(options, artifact);
  if (imageMismatch !== null) {
    throw new DigestRefusal(imageMismatch, '(an image refuses to serve anything but what it was built for; rebuild it)');
  }
  const card = modelLocation(options.model).isFolder ? readModelCard(dirname(artifact.onnxPath)) : null;
  const pipeline = await loadServingPipeline(options.model);
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
  const reference = modelLocation(options.model).isFolder ? readReferenceProfile(dirname(artifact.onnxPath), card) : null;
  const profile = reference ? payloadProfileOf(reference) : null;
  const cardVersion = (card as { version?: unknown } | null)?.version;
  return {
    artifact,
    worker,
    featureSpec: pipeline?.specId ?? null,
    reference,
    model: {
      name,
      version: options.modelVersion ?? (typeof cardVersion === 'string' ? cardVersion : name),
      inputs: worker.inputs,
      outputs: worker.outputs.filter((o) => o.type !== 'non-tensor'),
      maxBatch: options.maxBatch,
      layout: layout.layout,
      codes: codeRanges(layout.layout, card?.network?.categorical ?? []),
      ...(profile ? { profile } : {}),
    },
  };
}

/**
 * In a Docker image: the model and the lockfile must be the very files the image was
 * built for. Returns the artifact as refused, naming each file that differs, or null.
 */
function imageDigestMismatch(options: ServerOptions, artifact: ModelArtifact): ModelArtifact | null {
  const files: DigestCheck[] = [];
  if (options.expectModelSha256 !== null && options.expectModelSha256 !== artifact.sha256) {
    files.push({ file: basename(artifact.onnxPath), expected: options.expectModelSha256, actual: artifact.sha256 });
  }
  if (options.expectLockSha256 !== null) {
    const lock = options.lock;
    const actual = lock !== null && existsSync(lock) ? sha256File(lock) : null;
    if (actual !== options.expectLockSha256) {
      files.push({ file: lock === null ? 'lockfile (none given with --lock)' : basename(lock), expected: options.expectLockSha256, actual });
    }
  }
  if (files.length === 0) {
    return null;
  }
  const message = `the image was built for other files: ${files.map((f) => `${f.file} sha256 ${f.actual ?? 'missing'} is not the ${f.expected} the image's labels name`).join('; ')}`;
  return { ...artifact, verified: false, files, message };
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
