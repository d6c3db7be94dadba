/**
 * The HTTP pipeline both servers answer through, on a real server on 127.0.0.1: the route table
 * (exact paths, templates, 404 by its owner, 405 naming the methods), admission (loopback-only
 * routes), and the door where a body becomes a typed request or a refusal naming the field.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sendJson } from '../../../src-main/engine/node/serving/http/httpMessages';
import { drainServer, listenOnLoopback, type LoopbackServer } from '../../../src-main/engine/node/serving/http/loopbackServer';
import { schemaParser, withJsonBody } from '../../../src-main/engine/node/serving/http/requestBody';
import { routeTable, type Route } from '../../../src-main/engine/node/serving/http/routeTable';

const parseGreeting = schemaParser(z.strictObject({ name: z.string().min(1), times: z.number().int().min(1).max(3) }));

const ROUTES: Route[] = [
  { method: 'GET', path: '/items', handle: ({ response, url }) => sendJson(response, 200, { route: 'list', url }) },
  { method: 'GET', path: '/items/:id', handle: ({ response, params }) => sendJson(response, 200, { route: 'one', params }) },
  { method: 'PUT', path: '/items/:id', handle: ({ response, params }) => sendJson(response, 200, { route: 'put', params }) },
  { method: 'GET', path: '/items/:id/versions/:version', handle: ({ response, params }) => sendJson(response, 200, { route: 'version', params }) },
  {
    method: 'POST',
    path: '/greet',
    handle: withJsonBody(parseGreeting, 'expected a JSON body {"name", "times"}', ({ response }, { name, times }) =>
      sendJson(response, 200, { greeting: `hello ${name}`.repeat(times) }),
    ),
  },
  { method: 'GET', path: '/admin/state', access: 'loopback', handle: ({ response }) => sendJson(response, 200, { admin: true }) },
  { method: '*', path: '/pass/*', handle: ({ response, method, path }) => sendJson(response, 200, { route: 'pass', method, path }) },
];

const listener = routeTable(ROUTES, ({ response, method, path }) => sendJson(response, 404, { error: `no route for ${method} ${path}` }));

async function call(url: string, init?: RequestInit): Promise<{ status: number; allow: string | null; json: unknown }> {
  const response = await fetch(url, init);
  return { status: response.status, allow: response.headers.get('allow'), json: await response.json() };
}

describe('the route table', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await listenOnLoopback(0, listener);
  });
  afterAll(() => drainServer(server.server, Promise.resolve()));

  it('finds exact paths and templates, with their segments decoded and the query left out of the path', async () => {
    expect((await call(`${server.url}/items?page=2`)).json).toEqual({ route: 'list', url: '/items?page=2' });
    expect((await call(`${server.url}/items/a%20b`)).json).toEqual({ route: 'one', params: { id: 'a b' } });
    expect((await call(`${server.url}/items/7`, { method: 'PUT' })).json).toEqual({ route: 'put', params: { id: '7' } });
    expect((await call(`${server.url}/items/7/versions/2`)).json).toEqual({ route: 'version', params: { id: '7', version: '2' } });
    expect((await call(`${server.url}/pass/a/b`, { method: 'DELETE' })).json).toEqual({ route: 'pass', method: 'DELETE', path: '/pass/a/b' });
  });

  it("answers a path no route has with its owner's 404, and a path without the method with 405 naming those it has", async () => {
    expect(await call(`${server.url}/nowhere`)).toEqual({ status: 404, allow: null, json: { error: 'no route for GET /nowhere' } });
    expect(await call(`${server.url}/items/7/versions`)).toMatchObject({ status: 404 });
    expect(await call(`${server.url}/items/7`, { method: 'DELETE' })).toEqual({
      status: 405,
      allow: 'GET, PUT',
      json: { error: 'DELETE /items/7: expected GET or PUT' },
    });
    expect(await call(`${server.url}/greet`)).toEqual({ status: 405, allow: 'POST', json: { error: 'GET /greet: expected POST' } });
  });

  it('refuses a path whose percent-encoding is malformed with 400 naming the path, not 500', async () => {
    expect(await call(`${server.url}/items/%E0%A4%A`)).toEqual({
      status: 400,
      allow: null,
      json: { error: 'path: expected a path with valid percent-encoding, got /items/%E0%A4%A', field: 'path', expected: expect.any(String) },
    });
  });

  it('turns a body into a typed request, or a 400 naming the field and what was expected', async () => {
    const post = (body: string) => call(`${server.url}/greet`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect((await post('{"name": "ada", "times": 2}')).json).toEqual({ greeting: 'hello adahello ada' });
    expect(await post('{"name": "ada", "times": 4}')).toEqual({
      status: 400,
      allow: null,
      json: { error: 'times: expected at most 3', field: 'times', expected: 'expected at most 3' },
    });
    expect((await post('{"name": "ada", "times": 1, "loud": true}')).json).toMatchObject({ field: 'loud', error: 'loud: unknown key' });
    expect(await post('{"name": ')).toMatchObject({
      status: 400,
      json: { field: '', error: expect.stringMatching(/^expected a JSON body \{"name", "times"\} \(/) },
    });
  });

  it('answers a loopback-only route to a loopback peer', async () => {
    expect(await call(`${server.url}/admin/state`)).toMatchObject({ status: 200, json: { admin: true } });
  });

  it('refuses a loopback-only route to any other peer with 403 before its handler runs', async () => {
    // The server listens on 127.0.0.1 only, so another peer is played by a request whose socket says so.
    for (const remoteAddress of ['10.0.0.7', '::ffff:192.168.1.9']) {
      const answer = await callDirectly('GET', '/admin/state', remoteAddress);
      expect(answer).toEqual({ status: 403, body: { error: '/admin/state answers loopback peers only: it is the admin of a process on this machine' } });
    }
    expect(await callDirectly('GET', '/items', '10.0.0.7')).toMatchObject({ status: 200 });
  });

  it('refuses two routes for one method and path when the table is built', () => {
    const twice: Route = { method: 'GET', path: '/x/:id', handle: () => undefined };
    expect(() => routeTable([twice, twice], () => undefined)).toThrow('two routes for GET /x/:id');
  });
});

/** Hands the table a request from `remoteAddress` without a socket, and reads what it wrote. */
async function callDirectly(method: string, url: string, remoteAddress: string): Promise<{ status: number; body: unknown }> {
  let status = 0;
  let text = '';
  const request = { method, url, headers: { host: '127.0.0.1:4000' }, socket: { remoteAddress, localPort: 4000 } } as unknown as IncomingMessage;
  const response = {
    writeHead(code: number) {
      status = code;
      return response;
    },
    end(chunk: string) {
      text = chunk;
    },
  } as unknown as ServerResponse;
  await listener(request, response);
  return { status, body: JSON.parse(text) };
}
