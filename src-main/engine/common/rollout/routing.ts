/**
 * The routing decision of the blue/green router, a pure function shared by the real HTTP router
 * and the replay. As in the seed's Istio VirtualService: a header match sends a request
 * to green whatever the weights; otherwise the weights split traffic; shadow mode sends every
 * request to blue and a copy to green.
 */
import type { RouteWeights } from '../../../contract/events';

export type { RouteWeights };

/** How the router decides. */
export interface RoutingPolicy {
  readonly weights: RouteWeights;
  /** The header override: `x-model-version: v2` goes to green. */
  readonly header: { readonly name: string; readonly greenValue: string };
  /** With a key, a request's side follows the key, so one user sees one model. */
  readonly sticky: boolean;
  /** Green answers a copy of every request; its answer is recorded and discarded. */
  readonly shadow: boolean;
}

/** What the router knows of one request. */
export interface RouteRequest {
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The sticky key (e.g. a user or route), when the request has one. */
  readonly key: string | null;
  /** A uniform draw in [0, 1) from the caller's seeded Rng, used when the request is not sticky. */
  readonly draw: number;
}

/** Where one request goes and why. */
export interface RouteDecision {
  readonly target: 'blue' | 'green';
  /** Also send a copy to green (shadow mode). */
  readonly mirrorToGreen: boolean;
  readonly reason: 'header' | 'shadow' | 'sticky' | 'weight';
}

/** The default policy: all traffic to blue, the seed's header override. */
export const BLUE_ONLY: RoutingPolicy = {
  weights: { blue: 100, green: 0 },
  header: { name: 'x-model-version', greenValue: 'v2' },
  sticky: false,
  shadow: false,
};

/** Decides where one request goes. */
export function route(policy: RoutingPolicy, request: RouteRequest): RouteDecision {
  if (request.headers[policy.header.name.toLowerCase()] === policy.header.greenValue) {
    return { target: 'green', mirrorToGreen: false, reason: 'header' };
  }
  if (policy.shadow) {
    return { target: 'blue', mirrorToGreen: true, reason: 'shadow' };
  }
  if (policy.sticky && request.key !== null) {
    // A key's bucket is fixed, so raising green's weight only ever moves keys from blue to green.
    return { target: stickyBucket(request.key) < policy.weights.green ? 'green' : 'blue', mirrorToGreen: false, reason: 'sticky' };
  }
  return { target: request.draw * 100 < policy.weights.green ? 'green' : 'blue', mirrorToGreen: false, reason: 'weight' };
}

/** A key's fixed bucket in [0, 100): FNV-1a over its UTF-16 code units. */
export function stickyBucket(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 10_000) / 100;
}

/** Weights with green at `green` percent. */
export function weightsFor(green: number): RouteWeights {
  const g = Math.min(100, Math.max(0, green));
  return { blue: 100 - g, green: g };
}

/** The upstreams a request can reach: the two sides, and blue's twin for Diffy's noise floor. */
export type Upstream = 'blue' | 'green' | 'twin';

/**
 * Who gets a copy of a request besides its target. In shadow mode, green. With `compare` (after
 * Diffy), blue's twin answers every request and blue answers every request green served, so
 * green is compared with blue, and blue with its twin, on the same requests, while green's load
 * stays its weight's share. Copies are recorded and discarded, never returned to the caller.
 */
export function copiesOf(decision: RouteDecision, compare: boolean, hasTwin: boolean): Upstream[] {
  const copies: Upstream[] = decision.mirrorToGreen ? ['green'] : [];
  if (compare && decision.target === 'green') {
    copies.push('blue');
  }
  if (compare && hasTwin) {
    copies.push('twin');
  }
  return copies;
}
