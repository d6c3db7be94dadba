/**
 * The lifecycle of an HTTP server on 127.0.0.1 only, as the model server and the router both
 * are: listen (keep-alive, no Nagle delay, a handler whose failure becomes a 500 rather than a
 * hung request), then drain and stop.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from './httpMessages';

/** A listening server and its URL. */
export interface LoopbackServer {
  readonly server: Server;
  readonly url: string;
}

/** Listens on 127.0.0.1:`port` (0 picks a free port) and resolves once it does. */
export async function listenOnLoopback(port: number, handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>): Promise<LoopbackServer> {
  const server = createServer({ keepAlive: true, noDelay: true }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Stops taking connections and closes the idle ones; requests in flight get until `grace`
 * resolves to be answered, then every connection is closed. Resolves once the server is closed.
 */
export async function drainServer(server: Server, grace: Promise<void>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([closed, grace]);
  server.closeAllConnections();
  await closed;
}
