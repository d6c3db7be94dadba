/**
 * The rollout rig on this machine (issue 8): blue, green and blue's twin as embedded model
 * servers (child processes, each with its own serving pipeline), warm for the whole rehearsal,
 * behind the router, itself a child process on 127.0.0.1. Blue's readiness is probed throughout.
 * A router that dies is started again on the same port with the weights last confirmed (the rig
 * is the source of truth, as a mesh's control plane is), and weight changes wait for it.
 */
import { Agent } from 'node:http';
import type { RouteWeights, ServerFaults } from '../../../contract/events';
import type { Clock } from '../../common/ports/clock';
import type { RigEvent, RigPlan, RolloutRig, RoutedRequest, RunningRig } from '../../common/ports/rolloutRig';
import { startEmbeddedServer, type EmbeddedServer } from '../serving/embeddedServer';
import { serverOptions } from '../serving/serverOptions';
import { startEmbeddedRouter, type EmbeddedRouter } from '../router/embeddedRouter';
import type { RouterRecord } from '../router/routerRecords';
import { systemClock } from '../run/systemClock';
import { sendAtRate } from './stepSender';

/** How often blue's readiness is probed. */
const PROBE_MS = 250;
/** How long a weight change waits for a router that is restarting. */
const ROUTER_WAIT_MS = 15_000;
/** Restarts of a router that keeps dying before the rig gives up. */
const MAX_RESTARTS = 5;

/** The rig port on real processes. */
export function serverRig(clock: Clock = systemClock): RolloutRig {
  return { start: (plan, onEvent) => startRig(plan, onEvent, clock) };
}

/** A running rig with the hooks tests use to break it. */
export interface ServerRig extends RunningRig {
  readonly servers: { readonly blue: EmbeddedServer; readonly green: EmbeddedServer; readonly twin: EmbeddedServer };
  /** The router process now (it changes at each restart). */
  router(): EmbeddedRouter;
  /** Kills the router from outside (SIGKILL, as a crash or an OOM kill would); the rig starts it again on the same port. Resolves once it answers again. */
  killRouter(): Promise<EmbeddedRouter>;
}

/** Starts the three servers and the router; stops what started if anything fails. */
export async function startRig(plan: RigPlan, onEvent: (event: RigEvent) => void, clock: Clock = systemClock): Promise<ServerRig> {
  const common = { maxBatch: plan.maxBatch, timeoutMs: plan.timeoutMs, ep: plan.executionProvider, allowUnverified: plan.allowUnverified };
  const started = await Promise.allSettled([
    startEmbeddedServer(serverOptions(plan.blue.model, { ...common, label: plan.blue.label }), { onEvent }),
    startEmbeddedServer(serverOptions(plan.green.model, { ...common, label: plan.green.label }), { onEvent }),
    startEmbeddedServer(
      serverOptions(plan.blue.model, { ...common, maxBatch: plan.twin.maxBatch, threads: plan.twin.threads, label: `${plan.blue.label}-twin` }),
      { onEvent },
    ),
  ]);
  const ok = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed !== undefined) {
    await Promise.all(ok.map((s) => s.stop()));
    throw failed.reason;
  }
  const [blue, green, twin] = ok as [EmbeddedServer, EmbeddedServer, EmbeddedServer];
  let weights: RouteWeights = plan.policy.weights;
  let restarts = 0;
  let closing = false;
  const routerOptions = (port: number, restart: number) => ({
    port,
    blue: blue.url,
    green: green.url,
    twin: twin.url,
    greenWeight: weights.green,
    headerName: plan.policy.header.name,
    headerValue: plan.policy.header.greenValue,
    stickyHeader: plan.policy.stickyHeader,
    shadow: plan.policy.shadow,
    compare: plan.policy.compare,
    // The router answers 504 itself only after the server had its chance to.
    timeoutMs: plan.timeoutMs + 1000,
    seed: plan.seed,
    restart,
  });
  let router: EmbeddedRouter;
  try {
    router = await startEmbeddedRouter(routerOptions(0, 0), onEvent);
  } catch (error) {
    await Promise.all([blue, green, twin].map((s) => s.stop()));
    throw error;
  }
  const port = Number(new URL(router.url).port);
  let ready: Promise<EmbeddedRouter> = Promise.resolve(router);
  const watch = (current: EmbeddedRouter): void => {
    void current.exited.then(() => {
      if (closing || router !== current) {
        return;
      }
      restarts += 1;
      ready =
        restarts > MAX_RESTARTS
          ? Promise.reject(new Error(`the router died ${restarts} times; giving up`))
          : startEmbeddedRouter(routerOptions(port, restarts), onEvent);
      ready.then(
        (next) => {
          router = next;
          watch(next);
        },
        () => undefined,
      );
    });
  };
  watch(router);

  const probes = { total: 0, failed: 0 };
  const probe = setInterval(() => {
    probes.total += 1;
    fetch(`${blue.url}/v2/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => {
        if (!r.ok) {
          probes.failed += 1;
        }
      },
      () => {
        probes.failed += 1;
      },
    );
  }, PROBE_MS);

  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let applying: Promise<unknown> = Promise.resolve();
  let batches = 0;
  const unclaimed = new Map<string, RouterRecord>();
  let greenStop: Promise<unknown> | null = null;

  /**
   * The router's records for `ids`, waiting for copies still on their way; records a restarted
   * router took with it (`generation` is the restart count the batch began under) are not waited for.
   */
  const recordsFor = async (ids: readonly string[], generation: number): Promise<Map<string, RouterRecord>> => {
    const deadline = clock.monotonic() + plan.timeoutMs + 2000;
    for (;;) {
      try {
        for (const record of await (await ready).records()) {
          unclaimed.set(record.id, record);
        }
      } catch {
        // The router is restarting; its records of the requests before are gone with it.
      }
      if (ids.every((id) => unclaimed.has(id)) || clock.monotonic() > deadline || restarts !== generation) {
        const found = new Map<string, RouterRecord>();
        for (const id of ids) {
          const record = unclaimed.get(id);
          if (record !== undefined) {
            found.set(id, record);
            unclaimed.delete(id);
          }
        }
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const setWeights = (next: RouteWeights, reason: string): Promise<RouteWeights> => {
    const change = applying
      .catch(() => undefined)
      .then(async () => {
        const until = clock.monotonic() + ROUTER_WAIT_MS;
        for (;;) {
          try {
            const confirmed = await (await ready).setWeights(next.green, reason);
            weights = confirmed;
            return confirmed;
          } catch (error) {
            if (clock.monotonic() > until) {
              throw new Error(`the router did not take the weights within ${ROUTER_WAIT_MS} ms: ${error instanceof Error ? error.message : String(error)}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      });
    applying = change;
    return change;
  };

  return {
    routerUrl: router.url,
    servers: { blue, green, twin },
    router: () => router,
    async killRouter() {
      const current = router;
      process.kill(current.pid, 'SIGKILL');
      await current.exited;
      for (;;) {
        const next = await ready;
        if (next !== current) {
          return next;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    setWeights,
    async send(requests, rate, onAnswer) {
      const prefix = `b${++batches}`;
      const generation = restarts;
      const sent = await sendAtRate({ url: router.url, policy: plan.policy, clock, agent, timeoutMs: plan.timeoutMs + 3000 }, prefix, requests, rate, onAnswer);
      const records = await recordsFor(
        sent.filter((s) => s.answer.side !== null).map((s) => s.id),
        generation,
      );
      return sent.map(({ id, answer }): RoutedRequest => {
        const record = records.get(id);
        return record === undefined
          ? answer
          : { ...answer, served: answer.served === null ? null : { ...answer.served, ms: record.served.ms }, copies: record.copies };
      });
    },
    setGreenFaults: (faults: ServerFaults) => green.setFaults(faults),
    stopGreenLater(delayMs) {
      greenStop ??= new Promise((resolve) => setTimeout(resolve, delayMs)).then(() => green.stop());
    },
    blueProbes: () => ({ ...probes }),
    async close() {
      await greenStop;
      closing = true;
      clearInterval(probe);
      agent.destroy();
      await (await ready.catch(() => router)).stop();
      await Promise.all([blue.stop(), green.stop(), twin.stop()]);
    },
  };
}
