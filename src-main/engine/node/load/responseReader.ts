/**
 * Reads HTTP/1.1 responses off a keep-alive connection as bytes arrive: the status, whether the
 * connection may be reused, and where each body ends (Content-Length, chunked, or until close).
 * Bodies are skipped, never buffered: the generator needs only to know that an answer came and
 * what its status was, which keeps it far cheaper per request than node:http (see
 * docs/ARCHITECTURE.md, "Load").
 */

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const EMPTY = Buffer.alloc(0);
const HTTP_1 = Buffer.from('HTTP/1.');
const COLON = 0x3a;
const SPACE = 0x20;
/** A response head larger than this is refused rather than buffered without bound. */
const MAX_HEAD_BYTES = 64 * 1024;

type BodyState =
  | { readonly kind: 'length'; remaining: number }
  | { readonly kind: 'chunk-size' }
  | { readonly kind: 'chunk-data'; remaining: number }
  | { readonly kind: 'trailers' }
  | { readonly kind: 'until-close' };

/** A malformed response: the connection cannot be trusted any more. */
export class ResponseFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResponseFormatError';
  }
}

/** Feeds bytes in; calls `onResponse` once per complete response, in order. */
export class ResponseReader {
  private pending: Buffer = EMPTY;
  private status = 0;
  private keepAlive = true;
  private inBody = false;
  private body: BodyState | null = null;

  /** `onResponse(status, keepAlive)`: keepAlive is false when the server said `Connection: close` (or spoke HTTP/1.0 without keep-alive). */
  constructor(private readonly onResponse: (status: number, keepAlive: boolean) => void) {}

  /** Consumes a chunk of bytes from the socket. Throws ResponseFormatError on a malformed response. */
  push(chunk: Buffer): void {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = EMPTY;
    let offset = 0;
    while (offset < data.length) {
      const body = this.body;
      if (!this.inBody || body === null) {
        const end = data.indexOf(HEADER_END, offset);
        if (end < 0) {
          if (data.length - offset > MAX_HEAD_BYTES) {
            throw new ResponseFormatError(`response head longer than ${MAX_HEAD_BYTES} bytes`);
          }
          this.keep(data, offset);
          return;
        }
        this.startResponse(data, offset, end);
        offset = end + HEADER_END.length;
        continue;
      }
      switch (body.kind) {
        case 'length':
        case 'chunk-data': {
          const take = Math.min(body.remaining, data.length - offset);
          body.remaining -= take;
          offset += take;
          if (body.remaining === 0) {
            if (body.kind === 'length') {
              this.finish();
            } else {
              this.body = { kind: 'chunk-size' };
            }
          }
          break;
        }
        case 'chunk-size': {
          const end = data.indexOf(CRLF, offset);
          if (end < 0) {
            this.keep(data, offset);
            return;
          }
          const size = Number.parseInt(data.toString('latin1', offset, end).split(';')[0]!.trim(), 16);
          if (!Number.isFinite(size) || size < 0) {
            throw new ResponseFormatError('bad chunk size');
          }
          offset = end + CRLF.length;
          // Each chunk's data is followed by CRLF, skipped with it.
          this.body = size === 0 ? { kind: 'trailers' } : { kind: 'chunk-data', remaining: size + CRLF.length };
          break;
        }
        case 'trailers': {
          // Trailer lines, if any, then an empty line ends the response.
          const end = data.indexOf(CRLF, offset);
          if (end < 0) {
            this.keep(data, offset);
            return;
          }
          const empty = end === offset;
          offset = end + CRLF.length;
          if (empty) {
            this.finish();
          }
          break;
        }
        case 'until-close':
          offset = data.length;
          break;
      }
    }
  }

  /** The socket ended: a body that runs until close is complete now. True when nothing was cut short. */
  end(): boolean {
    if (this.body?.kind === 'until-close') {
      this.finish();
      return true;
    }
    return !this.inBody && this.pending.length === 0;
  }

  /** Copies an incomplete line so the socket's buffer is not retained. */
  private keep(data: Buffer, offset: number): void {
    this.pending = Buffer.from(data.subarray(offset));
  }

  /** Reads the status line and the three headers that matter from the bytes, allocating nothing per header. */
  private startResponse(data: Buffer, start: number, end: number): void {
    if (end - start < 12 || !startsWith(data, start, HTTP_1) || data[start + 8] !== SPACE || !isDigits(data, start + 9, 3)) {
      throw new ResponseFormatError(
        `not an HTTP/1.x status line: ${JSON.stringify(data.toString('latin1', start, Math.min(end, start + 60)).split('\r\n')[0])}`,
      );
    }
    const http10 = data[start + 7] === 0x30;
    const status = (data[start + 9]! - 0x30) * 100 + (data[start + 10]! - 0x30) * 10 + (data[start + 11]! - 0x30);
    let length: number | null = null;
    let chunked = false;
    let connection: 'close' | 'keep-alive' | null = null;
    let line = data.indexOf(CRLF, start);
    while (line >= 0 && line < end) {
      const from = line + CRLF.length;
      const next = data.indexOf(CRLF, from);
      const to = next < 0 || next > end ? end : next;
      const colon = data.indexOf(COLON, from);
      if (colon > from && colon < to) {
        const value = trimmed(data, colon + 1, to);
        if (nameIs(data, from, colon, 'content-length')) {
          length = isDigits(data, value.from, value.to - value.from) ? Number(data.toString('latin1', value.from, value.to)) : Number.NaN;
        } else if (nameIs(data, from, colon, 'transfer-encoding')) {
          chunked = data
            .toString('latin1', value.from, value.to)
            .toLowerCase()
            .split(',')
            .some((v) => v.trim() === 'chunked');
        } else if (nameIs(data, from, colon, 'connection')) {
          connection = nameIs(data, value.from, value.to, 'close') ? 'close' : nameIs(data, value.from, value.to, 'keep-alive') ? 'keep-alive' : null;
        }
      }
      line = next;
    }
    if (status >= 100 && status < 200) {
      // An interim answer (100 Continue): the real one follows on the same connection.
      return;
    }
    this.status = status;
    this.keepAlive = http10 ? connection === 'keep-alive' : connection !== 'close';
    this.inBody = true;
    if (status === 204 || status === 304) {
      this.finish();
    } else if (chunked) {
      this.body = { kind: 'chunk-size' };
    } else if (length !== null) {
      if (!Number.isInteger(length) || length < 0) {
        throw new ResponseFormatError('bad Content-Length');
      }
      this.body = { kind: 'length', remaining: length };
      if (length === 0) {
        this.finish();
      }
    } else {
      this.keepAlive = false;
      this.body = { kind: 'until-close' };
    }
  }

  private finish(): void {
    this.inBody = false;
    this.body = null;
    this.onResponse(this.status, this.keepAlive);
  }
}

function startsWith(data: Buffer, at: number, prefix: Buffer): boolean {
  return data.compare(prefix, 0, prefix.length, at, at + prefix.length) === 0;
}

function isDigits(data: Buffer, at: number, count: number): boolean {
  if (count <= 0) {
    return false;
  }
  for (let i = at; i < at + count; i++) {
    const c = data[i];
    if (c === undefined || c < 0x30 || c > 0x39) {
      return false;
    }
  }
  return true;
}

/** Bytes [from, to) equal `lower` ignoring ASCII case (header names and tokens are ASCII). */
function nameIs(data: Buffer, from: number, to: number, lower: string): boolean {
  if (to - from !== lower.length) {
    return false;
  }
  for (let i = 0; i < lower.length; i++) {
    const c = data[from + i]!;
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lower.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

/** [from, to) without surrounding spaces and tabs. */
function trimmed(data: Buffer, from: number, to: number): { from: number; to: number } {
  while (from < to && (data[from] === SPACE || data[from] === 0x09)) {
    from++;
  }
  while (to > from && (data[to - 1] === SPACE || data[to - 1] === 0x09)) {
    to--;
  }
  return { from, to };
}
