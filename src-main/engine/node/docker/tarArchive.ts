/**
 * A tar stream (POSIX ustar) for Docker: `docker import` takes a root filesystem as one, and a
 * build context is one. Written here rather than taken from tar-fs because the entries are not a
 * folder on disk: files are picked one by one (node, the libraries ldd names, only the linux-x64
 * onnxruntime files) and placed at paths of our choosing, with owners and modes fixed, so the
 * same inputs always give the same bytes.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

/** One entry: a file (its bytes, or a host path read when the stream reaches it), or a folder. */
export type TarEntry =
  | { readonly kind: 'file'; readonly name: string; readonly mode: number; readonly data: Uint8Array }
  | { readonly kind: 'hostFile'; readonly name: string; readonly mode: number; readonly from: string }
  | { readonly kind: 'dir'; readonly name: string; readonly mode: number };

const BLOCK = 512;

/** The entries as a tar stream; host files are read one at a time, as the consumer asks. */
export function tarStream(entries: readonly TarEntry[]): Readable {
  return Readable.from(tarBlocks(entries), { objectMode: false });
}

async function* tarBlocks(entries: readonly TarEntry[]): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    const data = entry.kind === 'dir' ? new Uint8Array(0) : entry.kind === 'file' ? entry.data : await readFile(entry.from);
    yield header(entry.name + (entry.kind === 'dir' && !entry.name.endsWith('/') ? '/' : ''), entry.mode, data.length, entry.kind === 'dir' ? '5' : '0');
    if (data.length > 0) {
      yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
      if (pad > 0) {
        yield Buffer.alloc(pad);
      }
    }
  }
  yield Buffer.alloc(BLOCK * 2);
}

/** A ustar header; names longer than 100 bytes are split into prefix and name at a slash. */
function header(path: string, mode: number, size: number, type: '0' | '5'): Buffer {
  const block = Buffer.alloc(BLOCK);
  const [prefix, name] = splitName(path.replace(/^\/+/, ''));
  block.write(name, 0, 100, 'utf8');
  octal(block, 100, 8, mode);
  octal(block, 108, 8, 0); // uid root
  octal(block, 116, 8, 0); // gid root
  octal(block, 124, 12, size);
  octal(block, 136, 12, 0); // mtime: fixed, so the same files give the same layer
  block.fill(' ', 148, 156);
  block.write(type, 156, 1, 'ascii');
  block.write('ustar\u000000', 257, 8, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) {
    sum += byte;
  }
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'ascii');
  return block;
}

function splitName(path: string): [string, string] {
  const split = ustarSplit(path);
  if (split === null) {
    throw new Error(`path too long for a tar entry: ${path}`);
  }
  return split;
}

function ustarSplit(path: string): [string, string] | null {
  if (Buffer.byteLength(path) <= 100) {
    return ['', path];
  }
  for (let cut = path.indexOf('/'); cut >= 0; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) {
      return [prefix, name];
    }
  }
  return null;
}

/**
 * Whether a path fits a ustar header: a name of at most 100 bytes, after a folder part of at most
 * 155 bytes cut at a slash. Checked before a build starts, so a file that does not fit is named
 * as the user's to fix rather than failing inside the stream.
 */
export function fitsTarHeader(path: string): boolean {
  return ustarSplit(path.replace(/^\/+/, '')) !== null;
}

function octal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length, 'ascii');
}

/** The byte length of the stream `tarStream(entries)` gives (host files measured now). */
export function tarSize(entries: readonly TarEntry[]): number {
  let total = BLOCK * 2;
  for (const entry of entries) {
    const size = entry.kind === 'dir' ? 0 : entry.kind === 'file' ? entry.data.length : statSync(entry.from).size;
    total += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return total;
}
