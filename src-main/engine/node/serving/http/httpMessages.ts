/** Reading request bodies and writing JSON answers, for the handlers of the model server and the router. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest body the server reads (a batch of 1,024 wide rows fits many times over). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** A body that could not be read: too large, or the client went away. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/** The whole body as text; a body over the limit, or cut short by the client, is a BodyError. */
export async function readBody(request: IncomingMessage): Promise<string> {
  return (await readBodyBuffer(request)).toString('utf8');
}

/** The whole body as bytes (the router forwards them as they came). */
export function readBodyBuffer(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    // The error is built only when it is needed: 'close' comes after every request, and an
    // Error's stack trace costs microseconds on the hot path.
    const fail = (status: number, message: () => string): void => {
      if (!done) {
        done = true;
        reject(new BodyError(status, message()));
      }
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Drain the rest unread, so the 413 can still be written on this connection.
        chunks.length = 0;
        fail(413, () => `body: expected at most ${MAX_BODY_BYTES} bytes`);
      } else if (!done) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => {
      if (!done) {
        done = true;
        resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
      }
    });
    request.on('error', (error) => fail(400, () => `body: ${error.message}`));
    // A client that goes away mid-body never sends 'end'; without this the request would wait forever.
    request.on('close', () => fail(400, () => 'body: the client closed the connection before sending all of it'));
  });
}

/** Writes `value` as JSON with its length, so keep-alive clients need no chunked decoding; `headers` are added (an `allow` on a 405). */
export function sendJson(response: ServerResponse, status: number, value: unknown, headers?: Readonly<Record<string, string>>): void {
  const text = JSON.stringify(value);
  response.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** True for a peer on the loopback range (127.0.0.0/8 or ::1). */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address.startsWith('127.') || address.startsWith('::ffff:127.') || address === '::1');
}
