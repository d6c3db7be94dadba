/** A file a model card names, which must lie inside the model folder and exist. */
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { InputError } from '../../common/run/inputError';

/** The file's absolute path; an InputError naming the card and the field otherwise. */
export function fileInsideFolder(folder: string, file: string, field: string, cardPath: string): string {
  const path = resolve(folder, file);
  if (!path.startsWith(resolve(folder) + sep)) {
    throw new InputError(cardPath, `${field}: expected a file inside the model folder, found "${file}"`);
  }
  if (!existsSync(path)) {
    throw new InputError(cardPath, `${field}: "${file}" does not exist in the model folder`);
  }
  return path;
}
