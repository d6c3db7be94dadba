/**
 * sha256 of files, remembered per path, size and modification time: an image's tag is derived
 * from the digests of everything in it, and a rehearsal asks for it once per profile.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

const known = new Map<string, string>();

/** sha256 of the file, hex; read again only when its size or mtime changed. */
export function fileSha256(path: string): string {
  const stat = statSync(path);
  const key = `${path}\u0000${stat.size}\u0000${stat.mtimeMs}`;
  let digest = known.get(key);
  if (digest === undefined) {
    digest = createHash('sha256').update(readFileSync(path)).digest('hex');
    known.set(key, digest);
  }
  return digest;
}

/** sha256 over named parts (name and digest each), in the order given. */
export function digestOf(parts: readonly (readonly [string, string])[]): string {
  const hash = createHash('sha256');
  for (const [name, digest] of parts) {
    hash.update(`${name}\u0000${digest}\n`);
  }
  return hash.digest('hex');
}
