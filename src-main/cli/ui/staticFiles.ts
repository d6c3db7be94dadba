/** The renderer's built files, served read-only from one folder (never a path outside it). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** A file to send. */
export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

/** The file at URL path `pathname` under `folder` (`/` is index.html), or null when there is none. */
export function staticFile(folder: string, pathname: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) {
    return null;
  }
  const path = join(folder, normalize(decoded === '/' ? '/index.html' : decoded));
  const inside = relative(folder, path);
  if (inside === '' || inside.startsWith('..') || inside.split(sep).includes('..') || !existsSync(path) || !statSync(path).isFile()) {
    return null;
  }
  return { body: readFileSync(path), type: TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
}
