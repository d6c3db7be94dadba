/** The installed product's own folder (where package.json and scenarios/ are), from source or from a bundle. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Walks up from this module to the package.json named "rehearsal". */
export function projectRoot(): string {
  if (cached !== undefined) {
    return cached;
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'rehearsal') {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('cannot find the rehearsal package folder above this module');
    }
    dir = parent;
  }
}
