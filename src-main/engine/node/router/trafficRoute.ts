/**
 * The router's traffic handler: each request is read whole, sent to the side the pure routing
 * decision picks (the header override, the weights, a sticky key, shadow mode), and its copies
 * go to green in shadow mode and, with comparison on (Diffy), to blue's twin for every request
 * and to blue for each request green served (`copiesOf`). The client gets the served side's
 * answer with `x-rollout-side`, `x-rollout-reason` and `x-rollout-upstream-ms`; the copies'
 * answers are recorded, never returned.
 */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { RouterPolicyInfo } from '../../../contract/events';
import type { UpstreamAnswer } from '../../common/ports/rolloutRig';
import type { Rng } from '../../common/ports/rng';
import { copiesOf, route, type RouteDecision, type Upstream } from '../../common/rollout/routing';
import { readRawRequest, sendRefusal } from '../serving/http/requestBody';
import type { Handler } from '../serving/http/routeTable';
import type { RouterOptions } from './routerOptions';
import type { RouterRecords } from './routerRecords';
import { endToEnd, type Forwarded, type Upstreams } from './upstreams';

/** What routing traffic needs. */
export interface Traffic {
  readonly options: Pick<RouterOptions, 'stickyHeader' | 'compare' | 'twin'>;
  readonly upstreams: Upstreams;
  readonly records: RouterRecords;
  /** The seeded draws of weighted routing. */
  readonly rng: Rng;
  policy(): RouterPolicyInfo;
  /** An id for a request that came without `x-request-id`. */
  nextId(): string;
}

/** Forwards any request as it came. */
export function trafficRoute(traffic: Traffic): Handler {
  const { options } = traffic;
  return async ({ request, response, method, url }) => {
    const read = await readRawRequest(request);
    if (!read.ok) {
      sendRefusal(response, read.refusal);
      return;
    }
    const id = headerValue(request.headers['x-request-id']) ?? traffic.nextId();
    const decision = decide(request.headers, traffic);
    const outgoing = { method, url, headers: request.headers, body: read.value };
    const copies = copiesOf(decision, options.compare, options.twin !== null).map((u) =>
      traffic.upstreams.forward(u, outgoing).then((r) => [u, r.answer] as const),
    );
    const served = await traffic.upstreams.forward(decision.target, outgoing);
    writeServed(response, served, id, decision);
    const copied = Object.fromEntries(await Promise.all(copies)) as Partial<Record<Upstream, UpstreamAnswer>>;
    traffic.records.add({ id, side: decision.target, reason: decision.reason, served: served.answer, copies: copied });
  };
}

/** Where a request goes, by the policy in force and one seeded draw. */
function decide(requestHeaders: IncomingHttpHeaders, traffic: Traffic): RouteDecision {
  const sticky = traffic.options.stickyHeader;
  const key = sticky === null ? null : (headerValue(requestHeaders[sticky]) ?? null);
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(requestHeaders)) {
    headers[name] = headerValue(value);
  }
  return route({ ...traffic.policy(), sticky: sticky !== null }, { headers, key, draw: traffic.rng.next() });
}

/** The served side's answer, as it came, with who answered and how long the side took. */
function writeServed(response: ServerResponse, served: Forwarded, id: string, decision: RouteDecision): void {
  response.writeHead(served.answer.status, {
    ...endToEnd(served.headers),
    'content-length': String(served.body.length),
    'x-request-id': id,
    'x-rollout-side': decision.target,
    'x-rollout-reason': decision.reason,
    'x-rollout-upstream-ms': served.answer.ms.toFixed(3),
  });
  response.end(served.body);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
