import { describe, expect, it } from 'vitest';
import { ResponseFormatError, ResponseReader } from '../../../src-main/engine/node/load/responseReader';

interface ResponseHead {
  readonly status: number;
  readonly keepAlive: boolean;
}

/** Feeds `bytes` in pieces of `size` and returns every response read. */
function read(bytes: string, size = bytes.length): { heads: ResponseHead[]; reader: ResponseReader } {
  const heads: ResponseHead[] = [];
  const reader = new ResponseReader((status, keepAlive) => heads.push({ status, keepAlive }));
  const buffer = Buffer.from(bytes, 'latin1');
  for (let i = 0; i < buffer.length; i += size) {
    reader.push(buffer.subarray(i, i + size));
  }
  return { heads, reader };
}

const ok = (body: string, extra = '') => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n${extra}\r\n${body}`;
const chunked = 'HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n';

describe('the HTTP/1.1 response reader', () => {
  it('reads Content-Length and chunked bodies back to back, whatever the split', () => {
    const stream = ok('{"prediction":1}') + chunked + ok('') + 'HTTP/1.1 204 No Content\r\n\r\n' + ok('{}', 'Connection: close\r\n');
    for (const size of [1, 2, 3, 7, 64, stream.length]) {
      const { heads } = read(stream, size);
      expect(heads, `pieces of ${size}`).toEqual([
        { status: 200, keepAlive: true },
        { status: 503, keepAlive: true },
        { status: 200, keepAlive: true },
        { status: 204, keepAlive: true },
        { status: 200, keepAlive: false },
      ]);
    }
  });

  it('reads trailers after the last chunk', () => {
    const { heads } = read('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX-Checksum: 1\r\n\r\n' + ok('x'), 3);
    expect(heads.map((h) => h.status)).toEqual([200, 200]);
  });

  it('skips an interim 100 Continue', () => {
    expect(read('HTTP/1.1 100 Continue\r\n\r\n' + ok('a')).heads).toEqual([{ status: 200, keepAlive: true }]);
  });

  it('ends a body without length at close, and says when a close cut a response short', () => {
    const untilClose = read('HTTP/1.1 200 OK\r\n\r\npartial body');
    expect(untilClose.heads).toEqual([]);
    expect(untilClose.reader.end()).toBe(true);
    expect(untilClose.heads).toEqual([{ status: 200, keepAlive: false }]);
    const cut = read('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc');
    expect(cut.reader.end()).toBe(false);
    expect(cut.heads).toEqual([]);
  });

  it('treats HTTP/1.0 as closing unless it says keep-alive', () => {
    expect(read('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n').heads).toEqual([{ status: 200, keepAlive: false }]);
    expect(read('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n').heads).toEqual([{ status: 200, keepAlive: true }]);
  });

  it('refuses what is not HTTP', () => {
    expect(() => read('SSH-2.0-OpenSSH\r\n\r\n')).toThrow(ResponseFormatError);
    expect(() => read('HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\n')).toThrow(/Content-Length/);
    expect(() => read('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')).toThrow(/chunk size/);
  });
});
