/**
 * The serving image of one model (the seed's "hermetic model packaging"): on top of the
 * base image, the bundled model server, only the linux-x64 onnxruntime files (the package ships
 * binaries for every platform), the lockfile and the model folder. The image's labels and tag
 * carry the model's and the lockfile's sha256, and its entrypoint makes the server check both at
 * start and refuse to run on a mismatch. Built once, then found again by tag.
 */
import type Docker from 'dockerode';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { InputError } from '../../common/run/inputError';
import { modelLocation, verifyModel } from '../model/modelFolder';
import { serverBundlePath } from '../serving/embeddedServer';
import { ensureBaseImage, IMAGE_NODE, onnxruntimeFolders } from './baseImage';
import { digestOf, fileSha256 } from './fileDigests';
import { buildImage, findImage, type ImageFacts, type ImageHooks } from './imageBuild';
import { imageLock } from './servingLock';
import { fitsTarHeader, type TarEntry } from './tarArchive';

/** The repository of serving images. */
export const SERVING_REPOSITORY = 'rehearsal-serve';
/** Where things are inside the image. */
export const IMAGE_APP = '/app';
export const IMAGE_MODEL = '/app/model';
export const IMAGE_LOCK = '/app/package-lock.json';

/** Label keys the image carries. */
export const LABELS = {
  modelSha256: 'org.rehearsal.model.sha256',
  modelName: 'org.rehearsal.model.name',
  lockSha256: 'org.rehearsal.lock.sha256',
  contextSha256: 'org.rehearsal.context.sha256',
  base: 'org.rehearsal.base',
} as const;

/** A serving image, built now or found by its tag. */
export interface ServingImage extends ImageFacts {
  readonly built: boolean;
  /** The base image was imported for this build (first use on this engine). */
  readonly baseImported: boolean;
  /** Time to make the image ready (0 work beyond the look-up when it was found). */
  readonly durationMs: number;
  readonly modelSha256: string;
  readonly lockSha256: string;
  /** The model's path inside the image, as the server's --model. */
  readonly modelPath: string;
}

/** What goes into a serving image. */
export interface ServingImageSource {
  /** A model folder or an .onnx file with model.sha256 beside it. */
  readonly model: string;
  /** The lockfile copied in as the serving environment's lock; this project's production lock by default (`servingLock.ts`). */
  readonly lock?: string;
  /** Build an image of a model whose digests do not match (the server then runs it with --allow-unverified only). */
  readonly allowUnverified?: boolean;
}

/** Finds the model's image by tag, or builds it (importing the base image first when needed). */
export async function ensureServingImage(docker: Docker, source: ServingImageSource, hooks: ImageHooks = {}): Promise<ServingImage> {
  const started = performance.now();
  const artifact = verifyModel(source.model);
  if (!artifact.verified && !source.allowUnverified) {
    throw new InputError(artifact.path, `refusing to build a serving image: ${artifact.message}`);
  }
  const lock = source.lock === undefined ? imageLock() : { text: readFileSync(source.lock, 'utf8'), sha256: fileSha256(source.lock) };
  const lockSha256 = lock.sha256;
  const { files, modelPath } = imageFiles(source.model);
  const tooLong = files.find((f) => !fitsTarHeader(f.name));
  if (tooLong !== undefined) {
    throw new InputError(
      tooLong.from,
      `this path is too long for the image's build context (a tar file): as ${tooLong.name} (${Buffer.byteLength(tooLong.name)} bytes) it needs a file name of at most 100 bytes after a folder part of at most 155; shorten it or move it out of the model folder`,
    );
  }
  const base = await ensureBaseImage(docker, hooks);
  const dockerfile = dockerfileOf(base.tag, artifact.sha256, lockSha256);
  const contextSha256 = digestOf([
    ['base', base.id],
    ['Dockerfile', digestOf([['text', dockerfile]])],
    ...files.filter((f) => !f.name.startsWith('app/model/')).map((f): [string, string] => [f.name, fileSha256(f.from)]),
  ]);
  const tag = `${SERVING_REPOSITORY}:m${artifact.sha256.slice(0, 12)}-l${lockSha256.slice(0, 12)}-c${contextSha256.slice(0, 12)}`;
  const facts = { modelSha256: artifact.sha256, lockSha256, modelPath };
  const found = await findImage(docker, tag);
  if (found !== null) {
    return { ...found, ...facts, built: false, baseImported: base.imported, durationMs: performance.now() - started };
  }
  const labels = {
    [LABELS.modelSha256]: artifact.sha256,
    [LABELS.modelName]: artifact.name,
    [LABELS.lockSha256]: lockSha256,
    [LABELS.contextSha256]: contextSha256,
    [LABELS.base]: base.tag,
  };
  const context: TarEntry[] = [
    { kind: 'file', name: 'Dockerfile', mode: 0o644, data: Buffer.from(dockerfile) },
    { kind: 'file', name: 'app/package-lock.json', mode: 0o644, data: Buffer.from(lock.text) },
    ...files,
  ];
  const image = await buildImage(docker, { tag, context, labels }, hooks);
  return { ...image, ...facts, built: true, baseImported: base.imported, durationMs: performance.now() - started };
}

/**
 * The Dockerfile: only COPY, USER and ENTRYPOINT (the base has no shell to RUN anything). The
 * entrypoint pins the digests, so a container started from this image, whatever its command,
 * refuses a model or lockfile other than the ones it was built for.
 */
function dockerfileOf(base: string, modelSha256: string, lockSha256: string): string {
  const entrypoint = [IMAGE_NODE, `${IMAGE_APP}/server.mjs`, '--lock', IMAGE_LOCK, '--expect-model-sha256', modelSha256, '--expect-lock-sha256', lockSha256];
  return [
    `FROM ${base}`,
    `COPY app/ ${IMAGE_APP}/`,
    'ENV ORT_DISABLE_TELEMETRY=1',
    // nobody: the server needs no privilege, and the files are world-readable.
    'USER 65534:65534',
    `ENTRYPOINT ${JSON.stringify(entrypoint)}`,
    `CMD ["--model", "${IMAGE_MODEL}"]`,
    '',
  ].join('\n');
}

type HostFile = Extract<TarEntry, { kind: 'hostFile' }>;

/** The app folder (the lockfile aside): server bundle, onnxruntime's JavaScript and linux-x64 binaries, the model. */
function imageFiles(model: string): { files: HostFile[]; modelPath: string } {
  const { node, common, binaries } = onnxruntimeFolders();
  const file = (name: string, from: string, mode = 0o644): HostFile => ({ kind: 'hostFile', name, mode, from });
  const scripts = (folder: string, into: string): HostFile[] =>
    walk(folder)
      .filter((path) => !path.endsWith('.map') && !path.endsWith('.d.ts'))
      .map((path) => file(`${into}/${relative(folder, path)}`, path));
  const location = modelLocation(model);
  const modelFiles = location.isFolder
    ? walk(location.folder)
    : [location.onnxPath, join(location.folder, 'model.sha256')].filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
  return {
    files: [
      file('app/server.mjs', serverBundlePath()),
      file('app/node_modules/onnxruntime-node/package.json', join(node, 'package.json')),
      ...scripts(join(node, 'dist'), 'app/node_modules/onnxruntime-node/dist'),
      file('app/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node', join(binaries, 'onnxruntime_binding.node'), 0o755),
      file('app/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1', join(binaries, 'libonnxruntime.so.1'), 0o755),
      file('app/node_modules/onnxruntime-common/package.json', join(common, 'package.json')),
      ...scripts(join(common, 'dist'), 'app/node_modules/onnxruntime-common/dist'),
      ...modelFiles.map((path) => file(`app/model/${relative(location.folder, path)}`, path)),
    ],
    modelPath: location.isFolder ? IMAGE_MODEL : `${IMAGE_MODEL}/${basename(location.onnxPath)}`,
  };
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      return entry.isDirectory() ? walk(path) : entry.isFile() ? [path] : [];
    });
}
