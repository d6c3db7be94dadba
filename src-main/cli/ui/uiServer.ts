/**
 * Browser mode: the same renderer build the desktop app loads, served on 127.0.0.1,
 * and RehearsalApi over a WebSocket at `/api`. Every message is parsed with zod before the engine
 * sees it (the same schemas as Electron's IPC); a request without the access token is refused,
 * whatever it asks for. The API object is the engine's process client, so this event loop only
 * relays messages and never runs inference or queries.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import type { RehearsalApi } from '../../contract/rehearsalApi';
import type { ServerMessage } from '../../contract/wire';
import { answer } from '../../engine/node/service/serviceHost';
import { REPORT_FILES } from '../../engine/node/report/writeReport';
import { checkToken, newAccessToken, tokenCookie } from './accessToken';
import { staticFile } from './staticFiles';

/** What the server needs. */
export interface UiServerOptions {
  readonly api: RehearsalApi;
  /** The renderer's built files (electron-vite's `out/renderer`). */
  readonly rendererFolder: string;
  /** Where runs write their folders; exported reports are served from `<runs>/<runId>/export/`. */
  readonly runsFolder: string;
  /** 0 for any free port. */
  readonly port?: number;
  /** A fixed token (tests); a new random one by default. */
  readonly token?: string;
}

/** A running server. */
export interface UiServer {
  /** The address to open, with the access token. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * The app's own CSP, sent as a header too (the page carries one in a meta tag, `connect-src
 * 'self'`, which is all the desktop app gets). A browser enforces both: here the page may connect
 * to nothing but this server's own API socket, so a script that got in cannot reach a model
 * server, a router or anything else listening on 127.0.0.1.
 */
function appCsp(port: number): string {
  const api = `ws://127.0.0.1:${port}/api ws://localhost:${port}/api`;
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src ${api}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}
/** An exported report runs no script and reaches nothing, in an opaque origin that cannot call the API. */
const REPORT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const REPORT_PATH = /^\/reports\/([0-9a-f-]{36})\/([a-z.]+)$/;
const REPORT_NAMES = new Set<string>(Object.values(REPORT_FILES));
/** The largest message a page may send: calls are small; this keeps a bad client from holding memory. */
const MAX_MESSAGE_BYTES = 1 << 20;

/** Starts the server on 127.0.0.1. */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const token = options.token ?? newAccessToken();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let port = 0;
  const isOurHost = (request: IncomingMessage): boolean => request.headers.host === `127.0.0.1:${port}` || request.headers.host === `localhost:${port}`;

  const server = createServer((request, response) => {
    // DNS rebinding: a page from another name that resolves here is refused by its Host header.
    if (!isOurHost(request)) {
      return refuse(response, 421, 'Rehearsal answers only on 127.0.0.1.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(response, 405, 'Rehearsal serves files with GET only; the API is on the WebSocket.');
    }
    const check = checkToken(request, token);
    if (check === null) {
      return refuse(response, 401, 'Rehearsal: open the address `rehearse ui` printed; it carries the access token.');
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (check === 'query') {
      // Keep the token in a cookie and out of the address bar, history and screenshots.
      response.writeHead(303, { Location: url.pathname, 'Set-Cookie': tokenCookie(token), 'Cache-Control': 'no-store' });
      return response.end();
    }
    const report = REPORT_PATH.exec(url.pathname);
    const file = report
      ? REPORT_NAMES.has(report[2]!)
        ? staticFile(join(options.runsFolder, report[1]!, 'export'), `/${report[2]}`)
        : null
      : staticFile(options.rendererFolder, url.pathname);
    if (file === null) {
      return refuse(response, 404, 'not found');
    }
    response.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': file.body.length,
      'Content-Security-Policy': report ? REPORT_CSP : appCsp(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const origin = request.headers.origin;
    const sameOrigin = origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (!isOurHost(request) || !sameOrigin || path !== '/api' || checkToken(request, token) === null) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveApi(ws, options.api));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of sockets.clients) {
        client.terminate();
      }
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One page's WebSocket: its calls answered in turn, every run event pushed. */
function serveApi(ws: WebSocket, api: RehearsalApi): void {
  const send = (message: ServerMessage): void => {
    if (ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify(message));
    }
  };
  const unsubscribe = api.onDidEmitEvent((runId, event) => send({ type: 'event', runId, event }));
  ws.on('message', (data, isBinary) => {
    let message: unknown;
    try {
      message = isBinary ? undefined : JSON.parse(String(data));
    } catch {
      message = undefined;
    }
    void answer(api, message).then(send);
  });
  ws.on('close', unsubscribe);
}

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(`${text}\n`);
}
