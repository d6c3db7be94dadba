/**
 * The blue/green router: a real HTTP server on 127.0.0.1 in front of blue's and green's
 * model servers (and blue's twin). This file is its lifecycle: the policy in force, the records,
 * the upstreams, listen and stop. What it answers is in `routerRoutes.ts`; how traffic is routed
 * and copied in `trafficRoute.ts`; the HTTP pipeline it shares with the model server in
 * `../serving/http/`.
 */
import type { RouterPolicyInfo, RouterWeights, RouteWeights } from '../../../contract/events';
import { seededRng } from '../../common/rng/seededRng';
import { weightsFor } from '../../common/rollout/routing';
import { drainServer, listenOnLoopback } from '../serving/http/loopbackServer';
import { sendJson } from '../serving/http/httpMessages';
import { routeTable, type Handler } from '../serving/http/routeTable';
import type { RouterOptions } from './routerOptions';
import { routerRecords } from './routerRecords';
import { routerRoutes } from './routerRoutes';
import { upstreams } from './upstreams';

/** A running router. */
export interface RouterServer {
  readonly url: string;
  readonly policy: () => RouterPolicyInfo;
  close(): Promise<void>;
}

/** Starts the router on 127.0.0.1; `emit` hears each weight change. */
export async function startRouter(options: RouterOptions, emit: (event: RouterWeights) => void): Promise<RouterServer> {
  const sides = upstreams({ blue: options.blue, green: options.green, twin: options.twin }, options.timeoutMs);
  let weights: RouteWeights = weightsFor(options.greenWeight);
  let sequence = 0;
  const policy = (): RouterPolicyInfo => ({
    weights,
    header: { name: options.headerName, greenValue: options.headerValue },
    stickyHeader: options.stickyHeader,
    shadow: options.shadow,
    compare: options.compare,
  });
  const routes = routerRoutes({
    options,
    restart: options.restart,
    upstreams: sides,
    records: routerRecords(),
    rng: seededRng(options.seed),
    policy,
    nextId: () => `r${++sequence}`,
    setWeights(green, reason) {
      const previous = weights;
      weights = weightsFor(green);
      emit({ kind: 'router.weights', weights, previous, reason });
      return { weights, previous };
    },
  });
  // The last route takes every path that starts with a slash; only a request-target such as `*` is left.
  const notFound: Handler = ({ response, method, url: asked }) => sendJson(response, 404, { error: `no route for ${method} ${asked}: expected a path` });
  const { server, url } = await listenOnLoopback(options.port, routeTable(routes, notFound, { allowedHosts: options.allowedHosts }));
  return {
    url,
    policy,
    async close() {
      // The rig stops the router with nothing in flight it still needs: every connection goes at once.
      await drainServer(server, Promise.resolve());
      sides.close();
    },
  };
}
