/**
 * Admission: who may call a server and how a request must be sent, decided here and nowhere else
 * for both servers. Two steps:
 *
 *   - the door (`admitAtDoor`), before a route is looked up: the Host a request names must be the
 *     address the server binds (127.0.0.1 or localhost on its port) or one allowed by
 *     `--allowed-host`, so a web page cannot reach it through a DNS name rebound to 127.0.0.1; an
 *     `Origin` must be the server's own, so a page the user visits cannot call it; a body is
 *     JSON (`Content-Type: application/json`), which a browser cannot send cross-origin without
 *     asking first; and it comes unencoded, since the server decodes no `Content-Encoding`;
 *   - the route's access (`admitRequest`), once it is found: loopback-only admin routes.
 */
import type { IncomingMessage } from 'node:http';
import { isLoopback } from './httpMessages';
import { requestRefusal, type Refusal } from './requestBody';
import type { Exchange, Route } from './routeTable';

/** What the door lets in beyond the server's own address. */
export interface DoorPolicy {
  /** Host names (`model.internal`, any port) or host:port pairs (`10.0.0.5:8001`) the server is also reached by. */
  readonly allowedHosts: readonly string[];
}

/** The door that lets in only the server's own address. */
export const OWN_ADDRESS_ONLY: DoorPolicy = { allowedHosts: [] };

/** Null when the request may be routed, else the refusal to answer with. */
export function admitAtDoor(request: IncomingMessage, policy: DoorPolicy): Refusal | null {
  const port = request.socket.localPort ?? 0;
  const own = `127.0.0.1:${port}`;
  const host = request.headers.host;
  if (host === undefined || host === '') {
    return requestRefusal(400, `Host: missing; expected ${own}`);
  }
  if (!hostAccepted(host, port, policy)) {
    return requestRefusal(
      421,
      `Host: expected ${acceptedHosts(port, policy)}, got "${host}"; a server reached by another name or address needs --allowed-host`,
    );
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !originAccepted(origin, port, policy)) {
    return requestRefusal(403, `Origin: cross-origin requests are refused; expected no Origin or http://${own}, got "${origin}"`);
  }
  const encoding = request.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    return requestRefusal(415, `Content-Encoding: expected identity (the server decodes no encoding), got "${request.headers['content-encoding']}"`);
  }
  if (hasBody(request)) {
    const type = request.headers['content-type'];
    const media = type?.split(';')[0]!.trim().toLowerCase();
    if (media !== 'application/json') {
      return requestRefusal(415, `Content-Type: expected application/json for a request with a body, got ${type === undefined ? 'none' : `"${type}"`}`);
    }
  }
  return null;
}

/** Null when the route's access lets this peer in, else the refusal. */
export function admitRequest(exchange: Exchange, route: Route): Refusal | null {
  if (route.access === 'loopback' && !isLoopback(exchange.request.socket.remoteAddress)) {
    return requestRefusal(403, `${exchange.path} answers loopback peers only: it is the admin of a process on this machine`);
  }
  return null;
}

/** The Host values accepted on `port`: the bound address, localhost, and the allowed hosts. */
function hostAccepted(host: string, port: number, policy: DoorPolicy): boolean {
  const asked = host.trim().toLowerCase();
  if (asked === `127.0.0.1:${port}` || asked === `localhost:${port}`) {
    return true;
  }
  return policy.allowedHosts.some((allowed) => {
    const name = allowed.toLowerCase();
    return asked === name || (!hasPort(name) && asked === `${name}:${port}`);
  });
}

function acceptedHosts(port: number, policy: DoorPolicy): string {
  return [`127.0.0.1:${port}`, `localhost:${port}`, ...policy.allowedHosts].join(', ');
}

/** An Origin is the server's own when it is http:// on an accepted host. */
function originAccepted(origin: string, port: number, policy: DoorPolicy): boolean {
  if (!URL.canParse(origin)) {
    return false;
  }
  const url = new URL(origin);
  return url.protocol === 'http:' && url.pathname === '/' && hostAccepted(url.port === '' ? `${url.hostname}:80` : url.host, port, policy);
}

/** `name:port` or `[v6]:port`, as opposed to a bare name. */
function hasPort(host: string): boolean {
  return /:\d+$/.test(host) && !/^[^[]*:.*:/.test(host);
}

/** A request carries a body when it says how long one is (above 0) or sends one in chunks. */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length.trim() !== '0') || request.headers['transfer-encoding'] !== undefined;
}
