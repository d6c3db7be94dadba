/**
 * The door of the real model server (its bundle, as the embedded backend starts it) and of the
 * real router in front of it: requests as a web page or a careless client would send them. A body
 * must be JSON, unencoded; the Host must be the address the server binds (or one allowed); an
 * Origin must be the server's own; numbers must be finite. Traffic sent the right way still flows,
 * through the router too.
 */
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedRouter, type EmbeddedRouter } from '../../src-main/engine/node/router/embeddedRouter';
import { ROOT } from '../support/paths';
import { startTestServer, type TestServer } from '../support/servers';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');
const RECORD = JSON.stringify({ features: { date: '2001-03-01 06:05:00', distance: 337 } });

interface Reply {
  readonly status: number;
  readonly json: { error?: string; field?: string; prediction?: number };
}

/** One request with exactly these headers (fetch would set its own Host and Content-Type). */
function send(base: string, path: string, body: string | null, headers: OutgoingHttpHeaders, method = 'POST'): Promise<Reply> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        headers: { host: url.host, ...headers, ...(body === null ? {} : { 'content-length': Buffer.byteLength(body) }) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) as Reply['json'] }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body ?? undefined);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };

describe('the model server and the router refuse what a web page or a careless client sends', () => {
  let server: TestServer;
  let router: EmbeddedRouter;
  let port: string;
  beforeAll(async () => {
    server = await startTestServer(SMOKE_MODEL);
    port = new URL(server.url).port;
    router = await startEmbeddedRouter(
      {
        port: 0,
        blue: server.url,
        green: server.url,
        twin: null,
        greenWeight: 0,
        headerName: 'x-model-version',
        headerValue: 'v2',
        stickyHeader: null,
        shadow: false,
        compare: false,
        timeoutMs: 5000,
        seed: 1,
        restart: 0,
        allowedHosts: ['router.internal'],
      },
      () => undefined,
    );
  });
  afterAll(async () => {
    await router.stop();
  });

  it('answers JSON sent the right way, with or without a charset, on 127.0.0.1 and localhost', async () => {
    expect(await send(server.url, '/predict', RECORD, JSON_TYPE)).toMatchObject({ status: 200, json: { prediction: expect.any(Number) } });
    expect(await send(server.url, '/predict', RECORD, { 'content-type': 'application/json; charset=utf-8', host: `localhost:${port}` })).toMatchObject({
      status: 200,
    });
    expect(await send(server.url, '/predict', RECORD, { ...JSON_TYPE, origin: server.url })).toMatchObject({ status: 200 });
  });

  it('refuses a body that is not application/json with 415 naming Content-Type (text/plain no longer answers 200)', async () => {
    expect(await send(server.url, '/predict', RECORD, { 'content-type': 'text/plain' })).toEqual({
      status: 415,
      json: { error: 'Content-Type: expected application/json for a request with a body, got "text/plain"' },
    });
    expect(await send(server.url, '/predict', RECORD, {})).toEqual({
      status: 415,
      json: { error: 'Content-Type: expected application/json for a request with a body, got none' },
    });
    expect((await send(server.url, '/admin/faults', '{"errorRate": 1}', { 'content-type': 'application/x-www-form-urlencoded' }, 'PUT')).status).toBe(415);
    expect((await send(server.url, '/admin/faults', null, {}, 'GET')).json).toMatchObject({ faults: { seed: 1 } });
  });

  it('refuses a Content-Encoding it does not decode with 415 naming it', async () => {
    expect(await send(server.url, '/predict', RECORD, { ...JSON_TYPE, 'content-encoding': 'gzip' })).toEqual({
      status: 415,
      json: { error: 'Content-Encoding: expected identity (the server decodes no encoding), got "gzip"' },
    });
    expect((await send(server.url, '/predict', RECORD, { ...JSON_TYPE, 'content-encoding': 'identity' })).status).toBe(200);
  });

  it('refuses a Host that is not the address it binds with 421 naming Host (a DNS name rebound to 127.0.0.1)', async () => {
    const answer = await send(server.url, '/predict', RECORD, { ...JSON_TYPE, host: `attacker.example:${port}` });
    expect(answer.status).toBe(421);
    expect(answer.json.error).toBe(
      `Host: expected 127.0.0.1:${port}, localhost:${port}, got "attacker.example:${port}"; a server reached by another name or address needs --allowed-host`,
    );
    expect((await send(server.url, '/metrics', null, { host: `127.0.0.1:1` }, 'GET')).status).toBe(421);
  });

  it('refuses a cross-origin request with 403 naming Origin, even a GET', async () => {
    const answer = await send(server.url, '/predict', RECORD, { ...JSON_TYPE, origin: 'https://attacker.example' });
    expect(answer).toEqual({
      status: 403,
      json: { error: `Origin: cross-origin requests are refused; expected no Origin or http://127.0.0.1:${port}, got "https://attacker.example"` },
    });
    expect((await send(server.url, '/v2/health/ready', null, { origin: 'null' }, 'GET')).status).toBe(403);
  });

  it('refuses numbers that are not finite, or too large for the float32 input, with 400 naming the field', async () => {
    expect(await send(server.url, '/predict', '{"features": [1e400, 6]}', JSON_TYPE)).toEqual({
      status: 400,
      json: {
        error: 'features[0]: expected a finite number, got Infinity (JSON numbers beyond ±1.8e308, such as 1e400, read as Infinity)',
        field: 'features[0]',
        expected: 'expected a finite number, got Infinity (JSON numbers beyond ±1.8e308, such as 1e400, read as Infinity)',
      },
    });
    expect((await send(server.url, '/predict', '{"features": {"date": "2001-03-01 06:05:00", "distance": -1e400}}', JSON_TYPE)).json.error).toBe(
      'features.distance: expected a finite number, got Infinity (JSON numbers beyond ±1.8e308, such as 1e400, read as Infinity)',
    );
    const infer = (data: string) =>
      send(server.url, '/v2/models/smoke-v1/infer', `{"inputs": [{"name": "features", "datatype": "FP32", "shape": [1, 2], "data": ${data}}]}`, JSON_TYPE);
    expect((await infer('[1e400, 6]')).json).toMatchObject({
      field: 'inputs[0].data',
      error: expect.stringContaining('expected a finite number, got Infinity'),
    });
    expect((await infer('[1e39, 6]')).json).toMatchObject({
      field: 'inputs[0].data',
      error: "inputs[0].data: expected a finite number within float32's range (±3.4e38; the model's input is float32), got 1e+39",
    });
    expect((await infer('[0.337, 6]')).status).toBe(200);
  });

  it('the router keeps the same door, and its traffic still reaches the model server', async () => {
    const routerPort = new URL(router.url).port;
    expect(await send(router.url, '/predict', RECORD, { ...JSON_TYPE, origin: router.url })).toMatchObject({
      status: 200,
      json: { prediction: expect.any(Number) },
    });
    expect((await send(router.url, '/predict', RECORD, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send(router.url, '/predict', RECORD, { ...JSON_TYPE, 'content-encoding': 'br' })).status).toBe(415);
    expect((await send(router.url, '/predict', RECORD, { ...JSON_TYPE, host: `attacker.example:${routerPort}` })).json.error).toMatch(
      /^Host: expected 127\.0\.0\.1:/,
    );
    expect((await send(router.url, '/predict', RECORD, { ...JSON_TYPE, origin: 'http://attacker.example' })).status).toBe(403);
    // The router's --allowed-host (its bundle's flag, passed by the embedded router): that name is answered, and forwarded to the server by its own address.
    expect(await send(router.url, '/predict', RECORD, { ...JSON_TYPE, host: `router.internal:${routerPort}` })).toMatchObject({ status: 200 });
    expect((await send(router.url, '/predict', '{"features": [1e400, 6]}', JSON_TYPE)).json.error).toContain('features[0]: expected a finite number');
  });
});
