/**
 * A model as DESIGN.md defines it: a folder holding model.onnx and model.sha256 (and optionally
 * a card, a reference profile, serving tables and a training lock), or a bare .onnx file whose
 * model.sha256 sits beside it. Digests are checked before anything loads.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { DigestCheck } from '../../../contract/events';
import { parseDigestFile } from '../../common/model/digestFile';
import type { ModelArtifact } from '../../common/ports/models';
import { InputError } from '../../common/run/inputError';
import { readModelCard } from './modelCard';

/** sha256 of a file, hex. */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Where the model's files are. */
export function modelLocation(path: string): { folder: string; onnxPath: string; isFolder: boolean } {
  if (!existsSync(path)) {
    throw new InputError(path, 'model not found: expected a model folder or an .onnx file');
  }
  if (statSync(path).isDirectory()) {
    const onnxPath = join(path, 'model.onnx');
    if (!existsSync(onnxPath)) {
      throw new InputError(path, 'expected a model folder holding model.onnx');
    }
    return { folder: path, onnxPath, isFolder: true };
  }
  return { folder: dirname(path), onnxPath: path, isFolder: false };
}

/** Checks every file listed in model.sha256, and that the .onnx file is listed. Never loads the model. */
export function verifyModel(path: string, name?: string): ModelArtifact {
  const { folder, onnxPath, isFolder } = modelLocation(path);
  const modelName = name ?? (isFolder ? basename(folder) : basename(onnxPath, '.onnx'));
  const actualOnnx = sha256File(onnxPath);
  const digestPath = join(folder, 'model.sha256');
  const onnxFile = relative(folder, onnxPath);
  const card = isFolder ? readModelCard(folder) : null;
  const base = {
    name: modelName,
    path,
    onnxPath,
    sha256: actualOnnx,
    ...(card?.featureOrder ? { featureOrder: card.featureOrder } : {}),
    ...(card?.featureSpec ? { featureSpec: card.featureSpec } : {}),
  };
  if (!existsSync(digestPath)) {
    return { ...base, verified: false, files: [{ file: onnxFile, expected: null, actual: actualOnnx }], message: `no digest: ${digestPath} is missing` };
  }
  const { lines, problems } = parseDigestFile(readFileSync(digestPath, 'utf8'));
  if (problems.length > 0) {
    throw new InputError(digestPath, `not a sha256sum file: ${problems.join('; ')}`);
  }
  const files: DigestCheck[] = lines.map((line) => {
    const file = join(folder, line.file);
    return { file: line.file, expected: line.sha256, actual: existsSync(file) ? (line.file === onnxFile ? actualOnnx : sha256File(file)) : null };
  });
  if (!lines.some((l) => l.file === onnxFile)) {
    files.push({ file: onnxFile, expected: null, actual: actualOnnx });
  }
  const bad = files.filter((f) => f.expected !== f.actual);
  const message =
    bad.length === 0
      ? `all ${files.length} file digests match`
      : `digest mismatch: ${bad.map((f) => `${f.file} expected ${f.expected ?? 'a digest line'}, found ${f.actual ?? 'no file'}`).join('; ')}`;
  return { ...base, verified: bad.length === 0, files, message };
}
