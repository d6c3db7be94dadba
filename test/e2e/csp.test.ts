/**
 * Browser mode's CSP in Debian's chromium: the page reaches its own API socket and nothing else on
 * 127.0.0.1. A WebSocket or a fetch to another local port (a model server, a router, anything)
 * is blocked by `connect-src` before a connection is opened.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../support/chromium';
import { requireService } from '../support/services';

describe("browser mode's connect-src", () => {
  let mode: BrowserMode;
  let context: BrowserContext;
  let page: Page;
  let neighbour: Server;
  let neighbourPort = 0;
  let reached = 0;

  beforeAll(async () => {
    if (!chromiumAvailable) {
      return;
    }
    // Another service on 127.0.0.1 that a script in the page should never reach, over HTTP or WebSocket.
    neighbour = createServer((_request, response) => {
      reached += 1;
      response.end('{}');
    });
    const sockets = new WebSocketServer({ server: neighbour });
    sockets.on('connection', () => (reached += 1));
    neighbour.listen(0, '127.0.0.1');
    await once(neighbour, 'listening');
    neighbourPort = (neighbour.address() as AddressInfo).port;
    mode = await startBrowserMode();
    ({ context, page } = await launchChromium());
  });

  afterAll(async () => {
    await context?.close();
    neighbour?.closeAllConnections();
    neighbour?.close();
    if (mode) {
      expect(await mode.stop()).toBe(0);
    }
  });

  it("sends a CSP header naming only the server's own API socket", async (ctx) => {
    requireService(ctx, chromiumAvailable, `Debian chromium (${CHROMIUM}) is needed for the e2e tests`);
    const response = await page.goto(mode.url);
    const csp =
      (await response!.request().redirectedFrom()?.response())?.headers()['content-security-policy'] ?? response!.headers()['content-security-policy'];
    const port = new URL(mode.origin).port;
    expect(csp).toContain(`connect-src ws://127.0.0.1:${port}/api ws://localhost:${port}/api;`);
  });

  it('works over its own socket and is refused any other local port, before a connection opens', async (ctx) => {
    requireService(ctx, chromiumAvailable, `Debian chromium (${CHROMIUM}) is needed for the e2e tests`);
    await page.goto(mode.url);
    // The app reached the engine: the scenario list came over the API socket.
    await expect.poll(() => page.getByRole('button', { name: '▶ Run' }).isEnabled(), { timeout: 30_000 }).toBe(true);
    // A script as one that got into the page would run it (as a string: the page has a DOM, this file does not).
    const blocked = (await page.evaluate(`(async (port) => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective + ' ' + event.blockedURI));
      try {
        new WebSocket('ws://127.0.0.1:' + port + '/');
      } catch {
        // Some versions throw at once; others fail the socket. Either way the policy reports it.
      }
      await fetch('http://127.0.0.1:' + port + '/').catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return violations;
    })(${neighbourPort})`)) as string[];
    expect(blocked).toEqual(expect.arrayContaining([`connect-src ws://127.0.0.1:${neighbourPort}/`, `connect-src http://127.0.0.1:${neighbourPort}/`]));
    expect(reached).toBe(0);
  });
});
