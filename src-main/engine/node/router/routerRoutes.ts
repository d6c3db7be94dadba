/**
 * The router's route table. Traffic, whatever its method and path, is forwarded (`trafficRoute.ts`);
 * `/admin` is never forwarded; the router's own admin is under `/router/`, loopback peers only:
 *
 *   GET /router/policy      the policy in force
 *   PUT /router/weights     {"green": 10, "reason": "step 1"}: every change is a `router.weights` event
 *   GET /router/records     the finished requests since the last call (served answer and copies)
 */
import { z } from 'zod';
import type { RouteWeights } from '../../../contract/events';
import { sendJson } from '../serving/http/httpMessages';
import { schemaParser, withJsonBody } from '../serving/http/requestBody';
import type { Route } from '../serving/http/routeTable';
import { trafficRoute, type Traffic } from './trafficRoute';

/** What the routes read and change. */
export interface RouterParts extends Traffic {
  /** 0 for the first start, then 1, 2, ... */
  readonly restart: number;
  /** Sets green's weight and tells of the change (a `router.weights` event). */
  setWeights(green: number, reason: string): { readonly weights: RouteWeights; readonly previous: RouteWeights };
}

const parseWeights = schemaParser(z.strictObject({ green: z.number().int().min(0).max(100), reason: z.string().min(1).max(500) }));

/** The router's routes; the last takes every path the others do not. */
export function routerRoutes(parts: RouterParts): Route[] {
  const adminRoutes = 'GET /router/policy, PUT /router/weights, GET /router/records';
  return [
    {
      method: 'GET',
      path: '/router/policy',
      access: 'loopback',
      handle: ({ response }) => sendJson(response, 200, { policy: parts.policy(), restart: parts.restart }),
    },
    { method: 'GET', path: '/router/records', access: 'loopback', handle: ({ response }) => sendJson(response, 200, { records: parts.records.take() }) },
    {
      method: 'PUT',
      path: '/router/weights',
      access: 'loopback',
      handle: withJsonBody(parseWeights, 'expected a JSON body {"green": 0-100, "reason": "..."}', ({ response }, { green, reason }) =>
        sendJson(response, 200, parts.setWeights(green, reason)),
      ),
    },
    {
      method: '*',
      path: '/router/*',
      access: 'loopback',
      handle: ({ response, method, path }) => sendJson(response, 404, { error: `no router admin route ${method} ${path}; expected ${adminRoutes}` }),
    },
    // A model server's admin (its faults) is for the rehearsal, never for traffic through the router.
    ...['/admin', '/admin/*'].map((path): Route => ({ method: '*', path, handle: ({ response }) => sendJson(response, 403, { error: NOT_FORWARDED }) })),
    { method: '*', path: '/*', handle: trafficRoute(parts) },
  ];
}

const NOT_FORWARDED = "the router does not forward /admin; a model server's admin answers on its own port, to loopback peers";
