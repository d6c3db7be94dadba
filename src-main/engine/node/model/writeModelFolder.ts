/** Writes a model folder (DESIGN.md, "A model folder") and its model.sha256 over every file in it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDigestFile } from '../../common/model/digestFile';
import { sha256File } from './modelFolder';

/** Writes `files` (path inside the folder -> bytes or text), then the digest of each; returns the paths written. */
export function writeModelFolder(folder: string, files: Readonly<Record<string, string | Uint8Array>>): string[] {
  const names = Object.keys(files).sort();
  for (const name of names) {
    const path = join(folder, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, files[name]!);
  }
  writeFileSync(join(folder, 'model.sha256'), formatDigestFile(names.map((file) => ({ file, sha256: sha256File(join(folder, file)) }))));
  return [...names, 'model.sha256'].map((name) => join(folder, name));
}
