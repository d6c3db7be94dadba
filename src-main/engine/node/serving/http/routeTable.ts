/**
 * Method + path -> handler, for both HTTP servers (the model server, the router). Every request
 * takes one pipeline:
 *
 *   0. the door (`requestAdmission.ts`): Host, Origin, Content-Encoding and Content-Type, for every path;
 *   1. its route: the first path that matches (exact paths first, then templates in the order
 *      given); no path is the table owner's 404, a path without the method a 405 naming those it has;
 *   2. admission (`requestAdmission.ts`): the one step every route goes through before its handler;
 *   3. the route's handler, which reads its own body through `requestBody.ts`, so only a route
 *      that wants a body reads one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './httpMessages';
import { admitAtDoor, admitRequest, OWN_ADDRESS_ONLY, type DoorPolicy } from './requestAdmission';
import { fieldRefusal, sendRefusal } from './requestBody';

/** The methods the servers answer; `*` in a route takes any (the router forwards whatever comes). */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Who may call a route. */
export type Access = 'anyone' | 'loopback';

/** One request on its way through the table. */
export interface Exchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly method: string;
  /** The path without its query. */
  readonly path: string;
  /** Path and query as they came, for a router that passes them on unchanged. */
  readonly url: string;
  /** The route's `:name` segments, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
}

/** Answers one route. */
export type Handler = (exchange: Exchange) => Promise<void> | void;

/** One line of the table. */
export interface Route {
  readonly method: Method | '*';
  /** Exact (`/predict`), with `:name` segments (`/v2/models/:model/infer`), or ending in `/*` (any rest). */
  readonly path: string;
  /** Anyone unless said. */
  readonly access?: Access;
  readonly handle: Handler;
}

/** What `node:http` calls with each request. */
export type RequestListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The routes of one path, by method. */
interface PathRoutes {
  readonly pattern: RegExp | null;
  readonly names: readonly string[];
  readonly byMethod: Map<string, Route>;
}

type Found = { readonly routes: PathRoutes; readonly params: Record<string, string> } | { readonly malformed: true } | null;

/** The table as a request listener; `notFound` answers a path no route has; `door` says which hosts beyond the server's own address it answers. */
export function routeTable(routes: readonly Route[], notFound: Handler, door: DoorPolicy = OWN_ADDRESS_ONLY): RequestListener {
  const { exact, templates } = compile(routes);
  return async (request, response) => {
    const turnedAway = admitAtDoor(request, door);
    if (turnedAway !== null) {
      // The body is left unread: the connection closes after the answer rather than reading it.
      response.shouldKeepAlive = false;
      sendRefusal(response, turnedAway);
      return;
    }
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const method = request.method ?? 'GET';
    const found = find(exact, templates, path);
    if (found === null) {
      return notFound({ request, response, method, path, url, params: {} });
    }
    if ('malformed' in found) {
      sendRefusal(response, fieldRefusal({ field: 'path', expected: `expected a path with valid percent-encoding, got ${path}` }));
      return;
    }
    const route = found.routes.byMethod.get(method) ?? found.routes.byMethod.get('*');
    if (route === undefined) {
      const allowed = [...found.routes.byMethod.keys()];
      sendJson(response, 405, { error: `${method} ${path}: expected ${inWords(allowed)}` }, { allow: allowed.join(', ') });
      return;
    }
    const exchange: Exchange = { request, response, method, path, url, params: found.params };
    const refusal = admitRequest(exchange, route);
    if (refusal !== null) {
      sendRefusal(response, refusal);
      return;
    }
    return route.handle(exchange);
  };
}

function compile(routes: readonly Route[]): { exact: Map<string, PathRoutes>; templates: PathRoutes[] } {
  const exact = new Map<string, PathRoutes>();
  const byTemplate = new Map<string, PathRoutes>();
  for (const route of routes) {
    const isTemplate = route.path.includes('/:') || route.path.endsWith('/*');
    const table = isTemplate ? byTemplate : exact;
    let entry = table.get(route.path);
    if (entry === undefined) {
      entry = isTemplate ? { ...templateOf(route.path), byMethod: new Map() } : { pattern: null, names: [], byMethod: new Map() };
      table.set(route.path, entry);
    }
    if (entry.byMethod.has(route.method)) {
      throw new Error(`two routes for ${route.method} ${route.path}`);
    }
    entry.byMethod.set(route.method, route);
  }
  return { exact, templates: [...byTemplate.values()] };
}

function templateOf(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment, i, all) => {
      if (segment === '*' && i === all.length - 1) {
        return '.*';
      }
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), names };
}

function find(exact: ReadonlyMap<string, PathRoutes>, templates: readonly PathRoutes[], path: string): Found {
  const routes = exact.get(path);
  if (routes !== undefined) {
    return { routes, params: {} };
  }
  for (const template of templates) {
    const match = template.pattern!.exec(path);
    if (match !== null) {
      const params: Record<string, string> = {};
      try {
        template.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1]!)));
      } catch {
        return { malformed: true };
      }
      return { routes: template, params };
    }
  }
  return null;
}

/** `GET`, `GET or PUT`, `GET, PUT or DELETE`. */
function inWords(methods: readonly string[]): string {
  return methods.length === 1 ? methods[0]! : `${methods.slice(0, -1).join(', ')} or ${methods.at(-1)}`;
}
