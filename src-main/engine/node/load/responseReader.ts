/**
 * Reads HTTP/1.1 responses off a keep-alive connection as bytes arrive: the status, whether the
 * connection may be reused, and where each body ends (Content-Length, chunked, or until close).
 * Bodies are skipped, never buffered: the generator needs only to know that an answer came and
 * what its status was, which keeps it far cheaper per request than node:http (see
 * docs/ARCHITECTURE.md, "Load").
 */

/** One complete response. */
export interface ResponseHead {
  readonly status: number;
  /** False when the server said `Connection: close` (or spoke HTTP/1.0 without keep-alive). */
  readonly keepAlive: boolean;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const EMPTY = Buffer.alloc(0);
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
  private head: ResponseHead | null = null;
  private body: BodyState | null = null;

  constructor(private readonly onResponse: (head: ResponseHead) => void) {}

  /** Consumes a chunk of bytes from the socket. Throws ResponseFormatError on a malformed response. */
  push(chunk: Buffer): void {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = EMPTY;
    let offset = 0;
    while (offset < data.length) {
      const body = this.body;
      if (this.head === null || body === null) {
        const end = data.indexOf(HEADER_END, offset);
        if (end < 0) {
          if (data.length - offset > MAX_HEAD_BYTES) {
            throw new ResponseFormatError(`response head longer than ${MAX_HEAD_BYTES} bytes`);
          }
          this.keep(data, offset);
          return;
        }
        this.startResponse(data.toString('latin1', offset, end));
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
    return this.head === null && this.pending.length === 0;
  }

  /** Copies an incomplete line so the socket's buffer is not retained. */
  private keep(data: Buffer, offset: number): void {
    this.pending = Buffer.from(data.subarray(offset));
  }

  private startResponse(headText: string): void {
    const lines = headText.split('\r\n');
    const status = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? '');
    if (!status) {
      throw new ResponseFormatError(`not an HTTP/1.x status line: ${JSON.stringify((lines[0] ?? '').slice(0, 60))}`);
    }
    const code = Number(status[2]);
    let length: number | null = null;
    let chunked = false;
    let connection = '';
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') {
        length = Number(value);
      } else if (name === 'transfer-encoding') {
        chunked = value.toLowerCase().split(',').some((v) => v.trim() === 'chunked');
      } else if (name === 'connection') {
        connection = value.toLowerCase();
      }
    }
    const keepAlive = status[1] === '1' ? connection !== 'close' : connection === 'keep-alive';
    if (code >= 100 && code < 200) {
      // An interim answer (100 Continue): the real one follows on the same connection.
      return;
    }
    this.head = { status: code, keepAlive };
    if (code === 204 || code === 304) {
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
      this.head = { status: code, keepAlive: false };
      this.body = { kind: 'until-close' };
    }
  }

  private finish(): void {
    const head = this.head!;
    this.head = null;
    this.body = null;
    this.onResponse(head);
  }
}
