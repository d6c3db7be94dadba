/**
 * The base image every serving image starts from, made from this machine without a registry:
 * the Node binary that runs this process plus every shared library that Node, onnxruntime's
 * binding and libonnxruntime load (`ldd`; librt among them), imported as a root filesystem.
 * No shell, no package manager, nothing else. Its tag is the digest of those files, so it is
 * imported once and found again by tag.
 */
import type Docker from 'dockerode';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { digestOf, fileSha256 } from './fileDigests';
import { findImage, importImage, type ImageFacts, type ImageHooks } from './imageBuild';
import { sharedLibraries } from './sharedLibraries';
import { tarSize, type TarEntry } from './tarArchive';

/** Where Node is inside every image. */
export const IMAGE_NODE = '/usr/bin/node';
/** The repository of base images. */
export const BASE_REPOSITORY = 'rehearsal-base';

/** onnxruntime-node's package folder and the folder of its linux-x64 binaries. */
export function onnxruntimeFolders(): { readonly node: string; readonly common: string; readonly binaries: string } {
  // Neither package exports its package.json, so each is found from its main file (dist/...).
  const node = packageFolder(createRequire(import.meta.url).resolve('onnxruntime-node'));
  const common = packageFolder(createRequire(join(node, 'package.json')).resolve('onnxruntime-common'));
  return { node, common, binaries: join(node, 'bin/napi-v6/linux/x64') };
}

function packageFolder(file: string): string {
  let dir = dirname(file);
  while (!existsSync(join(dir, 'package.json')) || basename(dirname(dir)) !== 'node_modules') {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`no package folder above ${file}`);
    }
    dir = parent;
  }
  return dir;
}

/** The image's files: Node and the libraries (the loader too), each at the path it is loaded from. */
export function baseImageEntries(): TarEntry[] {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the Docker backend builds its image from this machine's Node and libraries, which needs linux x64 (this is ${process.platform} ${process.arch})`,
    );
  }
  const { binaries } = onnxruntimeFolders();
  const libraries = sharedLibraries([process.execPath, join(binaries, 'onnxruntime_binding.node'), join(binaries, 'libonnxruntime.so.1')]).filter(
    (path) => !path.startsWith(binaries),
  );
  return [
    { kind: 'dir', name: 'tmp', mode: 0o1777 },
    { kind: 'hostFile', name: IMAGE_NODE, mode: 0o755, from: process.execPath },
    ...libraries.map((path): TarEntry => ({ kind: 'hostFile', name: path, mode: 0o755, from: path })),
  ];
}

/** The base image for this machine's Node and libraries, imported unless the engine has it already. */
export async function ensureBaseImage(docker: Docker, hooks: ImageHooks = {}): Promise<ImageFacts & { readonly imported: boolean }> {
  const entries = baseImageEntries();
  const digest = digestOf(entries.map((e) => [e.name, e.kind === 'hostFile' ? fileSha256(e.from) : 'dir']));
  const tag = `node${process.versions.node}-${digest.slice(0, 16)}`;
  const found = await findImage(docker, `${BASE_REPOSITORY}:${tag}`);
  if (found !== null) {
    return { ...found, imported: false };
  }
  const image = await importImage(docker, { repository: BASE_REPOSITORY, tag, entries, totalBytes: tarSize(entries) }, hooks);
  return { ...image, imported: true };
}
