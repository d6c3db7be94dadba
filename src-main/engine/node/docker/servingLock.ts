/**
 * The lockfile a serving image carries: this project's package-lock.json without the
 * packages only development needs (the entries npm marks `"dev": true`, which `npm ci
 * --omit=dev` leaves out), the same set the dependency check reads as the embedded backend's
 * serving lock. Written byte for byte the same from the same lock, so its digest names it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../run/projectRoot';

/** The production part of a package-lock.json, as JSON text. */
export function productionLockText(lockText: string): string {
  const lock = JSON.parse(lockText) as { packages?: Record<string, { dev?: boolean }> } & Record<string, unknown>;
  if (lock.packages === undefined) {
    return lockText;
  }
  const packages = Object.fromEntries(Object.entries(lock.packages).filter(([, meta]) => meta.dev !== true));
  return `${JSON.stringify({ ...lock, packages }, null, 2)}\n`;
}

/** This project's production lock as the image carries it: its text and its sha256. */
export function imageLock(): { readonly text: string; readonly sha256: string } {
  const text = productionLockText(readFileSync(join(projectRoot(), 'package-lock.json'), 'utf8'));
  return { text, sha256: createHash('sha256').update(text).digest('hex') };
}

/** The image's lock as a file on this machine (the dependency check reads a path), written once per digest. */
export function imageLockFile(): string {
  const { text, sha256 } = imageLock();
  const folder = join(tmpdir(), 'rehearsal-image-locks');
  const path = join(folder, `${sha256.slice(0, 16)}-package-lock.json`);
  if (!existsSync(path)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path, text);
  }
  return path;
}
