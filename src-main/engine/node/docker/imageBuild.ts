/**
 * Building and importing images from tar streams, with progress and with errors read out of the
 * stream (Docker reports a failed build there, with HTTP 200). Images are found again by tag, so
 * whatever has been built once is reused.
 */
import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { lastOutput, readProgress } from './progressStream';
import { tarStream, type TarEntry } from './tarArchive';

/** How far along an image is, for a progress bar: build steps, or bytes sent to an import. */
export interface ImageProgress {
  readonly label: string;
  readonly done: number;
  readonly total: number | null;
  readonly unit: 'steps' | 'bytes';
}

/** What an image build reports as it goes. */
export interface ImageHooks {
  onProgress?(progress: ImageProgress): void;
  /** Each line of build output, for people. */
  onLog?(line: string): void;
}

/** A build that Docker refused; the message carries Docker's error and the build's last lines. */
export class ImageBuildFailed extends Error {
  constructor(
    readonly tag: string,
    readonly reason: string,
    readonly output: string,
  ) {
    super(`building image ${tag} failed: ${reason}${output === '' ? '' : `\n${output}`}`);
    this.name = 'ImageBuildFailed';
  }
}

/** An image as the engine has it. */
export interface ImageFacts {
  readonly tag: string;
  readonly id: string;
  readonly sizeBytes: number;
  readonly labels: Readonly<Record<string, string>>;
}

/** The image under `tag`, or null when the engine has none. */
export async function findImage(docker: Docker, tag: string): Promise<ImageFacts | null> {
  try {
    const info = await docker.getImage(tag).inspect();
    return { tag, id: info.Id, sizeBytes: info.Size, labels: info.Config?.Labels ?? {} };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) {
      return null;
    }
    throw error;
  }
}

/** Builds `tag` from a context of tar entries (a Dockerfile among them); resolves with the image. */
export async function buildImage(
  docker: Docker,
  build: { readonly tag: string; readonly context: readonly TarEntry[]; readonly labels?: Readonly<Record<string, string>> },
  hooks: ImageHooks = {},
): Promise<ImageFacts> {
  const label = `Building image ${build.tag}`;
  hooks.onProgress?.({ label, done: 0, total: null, unit: 'steps' });
  const stream = (await docker.buildImage(tarStream(build.context), { t: build.tag, labels: { ...build.labels }, rm: true, forcerm: true })) as Readable;
  const outcome = await readProgress(stream, (message) => {
    const line = (message.stream ?? message.status ?? message.text ?? '').trimEnd();
    if (line !== '') {
      hooks.onLog?.(line);
    }
    const step = /^Step (\d+)\/(\d+)/.exec(message.stream ?? '');
    if (step) {
      // "Step 2/5" starts step 2: steps 1 done.
      hooks.onProgress?.({ label, done: Number(step[1]) - 1, total: Number(step[2]), unit: 'steps' });
    }
  });
  if (outcome.error !== null) {
    throw new ImageBuildFailed(build.tag, outcome.error, lastOutput(outcome.messages));
  }
  const image = await findImage(docker, build.tag);
  if (image === null) {
    throw new ImageBuildFailed(build.tag, 'the build ended without an error but the engine has no image under its tag', lastOutput(outcome.messages));
  }
  const steps = outcome.messages.filter((m) => /^Step \d+\//.test(m.stream ?? '')).length;
  hooks.onProgress?.({ label, done: steps, total: steps, unit: 'steps' });
  return image;
}

/** Imports a root filesystem (tar entries) as `repository:tag`; resolves with the image. */
export async function importImage(
  docker: Docker,
  target: { readonly repository: string; readonly tag: string; readonly entries: readonly TarEntry[]; readonly totalBytes: number },
  hooks: ImageHooks = {},
): Promise<ImageFacts> {
  const name = `${target.repository}:${target.tag}`;
  const label = `Importing base image ${name}`;
  const tar = tarStream(target.entries);
  let sent = 0;
  let reported = 0;
  tar.on('data', (chunk: Buffer) => {
    sent += chunk.length;
    // About fifty steps over the whole import.
    if (sent - reported >= target.totalBytes / 50) {
      reported = sent;
      hooks.onProgress?.({ label, done: Math.min(sent, target.totalBytes), total: target.totalBytes, unit: 'bytes' });
    }
  });
  hooks.onProgress?.({ label, done: 0, total: target.totalBytes, unit: 'bytes' });
  const stream = (await docker.importImage(tar, { repo: target.repository, tag: target.tag })) as Readable;
  const outcome = await readProgress(stream);
  if (outcome.error !== null) {
    throw new ImageBuildFailed(name, outcome.error, lastOutput(outcome.messages));
  }
  const image = await findImage(docker, name);
  if (image === null) {
    throw new ImageBuildFailed(name, 'the import ended without an error but the engine has no image under its tag', lastOutput(outcome.messages));
  }
  hooks.onProgress?.({ label, done: target.totalBytes, total: target.totalBytes, unit: 'bytes' });
  return image;
}
