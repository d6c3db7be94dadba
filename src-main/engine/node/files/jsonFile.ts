/** A JSON file validated against its schema, at a trust boundary (a model folder's files). */
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InputError } from '../../common/run/inputError';
import { jsonProblem } from '../../common/validation/contentFree';

/** The file's content as `schema` reads it, or null when there is no such file; an InputError names the file and field otherwise. */
export function readJsonFile<S extends z.ZodType>(path: string, schema: S): z.output<S> | null {
  if (!existsSync(path)) {
    return null;
  }
  const text = readFileSync(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(path, `expected JSON, found ${jsonProblem(error, text)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(path, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}
