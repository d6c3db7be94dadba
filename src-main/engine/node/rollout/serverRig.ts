/**
 * The rollout rig on this machine: blue, green and blue's twin as embedded model
 * servers (child processes, each with its own serving pipeline), warm for the whole rehearsal,
 * behind the router, itself a child process on 127.0.0.1 kept running by `routerSupervisor.ts`.
 * Blue's readiness is probed throughout (`blueProbe.ts`). The rig is the source of truth for the
 * weights, as a mesh's control plane is: a restarted router starts with the weights last
 * confirmed, and weight changes wait for it.
 */
import { Agent } from 'node:http';
import type { RouteWeights, ServerFaults } from '../../../contract/events';
import type { Clock } from '../../common/ports/clock';
import type { RigEvent, RigPlan, RolloutRig, RoutedRequest, RunningRig } from '../../common/ports/rolloutRig';
import { startEmbeddedServer, type EmbeddedServer } from '../serving/embeddedServer';
import { serverOptions } from '../serving/serverOptions';
import { startEmbeddedRouter, type EmbeddedRouter } from '../router/embeddedRouter';
import type { RouterOptions } from '../router/routerOptions';
import { systemClock } from '../run/systemClock';
import { readinessProbe } from './blueProbe';
import { routedRecords } from './routedRecords';
import { superviseRouter, type SupervisedRouter } from './routerSupervisor';
import { sendAtRate } from './stepSender';

/** How long a weight change waits for a router that is restarting. */
const ROUTER_WAIT_MS = 15_000;

/** The rig port on real processes. */
export function serverRig(clock: Clock = systemClock): RolloutRig {
  return { start: (plan, onEvent) => startRig(plan, onEvent, clock) };
}

/** Blue, green and blue's twin. */
export interface RigServers {
  readonly blue: EmbeddedServer;
  readonly green: EmbeddedServer;
  readonly twin: EmbeddedServer;
}

/** A running rig with the hooks tests use to break it. */
export interface ServerRig extends RunningRig {
  readonly servers: RigServers;
  /** The router process now (it changes at each restart). */
  router(): EmbeddedRouter;
  /** Kills the router from outside (SIGKILL, as a crash or an OOM kill would); the rig starts it again on the same port. Resolves once it answers again. */
  killRouter(): Promise<EmbeddedRouter>;
}

/** Starts the three servers and the router; stops what started if anything fails. */
export async function startRig(plan: RigPlan, onEvent: (event: RigEvent) => void, clock: Clock = systemClock): Promise<ServerRig> {
  const servers = await startServers(plan, onEvent);
  let weights: RouteWeights = plan.policy.weights;
  let router: SupervisedRouter;
  try {
    router = await superviseRouter((port, restart) => startEmbeddedRouter(routerOptions(plan, servers, port, restart, weights), onEvent));
  } catch (error) {
    await stopServers(servers);
    throw error;
  }
  const routerUrl = router.current().url;
  const probe = readinessProbe(servers.blue.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const records = routedRecords(router, clock, plan.timeoutMs + 2000);
  const setWeights = weightChanges(router, clock, (confirmed) => (weights = confirmed));
  let batches = 0;
  let greenStop: Promise<unknown> | null = null;
  return {
    routerUrl,
    servers,
    router: () => router.current(),
    killRouter: () => router.kill(),
    setWeights,
    async send(requests, rate, onAnswer) {
      const prefix = `b${++batches}`;
      const generation = router.restarts;
      const target = { url: router.current().url, policy: plan.policy, clock, agent, timeoutMs: plan.timeoutMs + 3000 };
      const sent = await sendAtRate(target, prefix, requests, rate, onAnswer);
      const recorded = await records.claim(
        sent.filter((s) => s.answer.side !== null).map((s) => s.id),
        generation,
      );
      return sent.map(({ id, answer }): RoutedRequest => {
        const record = recorded.get(id);
        return record === undefined
          ? answer
          : { ...answer, served: answer.served === null ? null : { ...answer.served, ms: record.served.ms }, copies: record.copies };
      });
    },
    setGreenFaults: (faults: ServerFaults) => servers.green.setFaults(faults),
    stopGreenLater(delayMs) {
      greenStop ??= new Promise((resolve) => setTimeout(resolve, delayMs)).then(() => servers.green.stop());
    },
    blueProbes: () => probe.counts(),
    async close() {
      await greenStop;
      // Supervision ends first, so a router that exits from here on is not started again.
      const routerStopped = router.stop();
      probe.stop();
      agent.destroy();
      await routerStopped;
      await stopServers(servers);
    },
  };
}

/** Blue, green and blue's twin, started together; if one fails, those that started are stopped. */
async function startServers(plan: RigPlan, onEvent: (event: RigEvent) => void): Promise<RigServers> {
  const common = { maxBatch: plan.maxBatch, timeoutMs: plan.timeoutMs, ep: plan.executionProvider, allowUnverified: plan.allowUnverified };
  const twin = { ...common, maxBatch: plan.twin.maxBatch, threads: plan.twin.threads, label: `${plan.blue.label}-twin` };
  const started = await Promise.allSettled([
    startEmbeddedServer(serverOptions(plan.blue.model, { ...common, label: plan.blue.label }), { onEvent }),
    startEmbeddedServer(serverOptions(plan.green.model, { ...common, label: plan.green.label }), { onEvent }),
    startEmbeddedServer(serverOptions(plan.blue.model, twin), { onEvent }),
  ]);
  const ok = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed !== undefined) {
    await Promise.all(ok.map((s) => s.stop()));
    throw failed.reason;
  }
  const [blue, green, twinServer] = ok as [EmbeddedServer, EmbeddedServer, EmbeddedServer];
  return { blue, green, twin: twinServer };
}

async function stopServers({ blue, green, twin }: RigServers): Promise<void> {
  await Promise.all([blue.stop(), green.stop(), twin.stop()]);
}

/** The router's options at a start or restart: the plan's policy with the weights last confirmed. */
function routerOptions(plan: RigPlan, servers: RigServers, port: number, restart: number, weights: RouteWeights): RouterOptions {
  return {
    port,
    blue: servers.blue.url,
    green: servers.green.url,
    twin: servers.twin.url,
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
    // The rig's traffic reaches the router on 127.0.0.1, its own address.
    allowedHosts: [],
  };
}

/**
 * Weight changes through the router's admin, applied in the order asked (a later one, an abort,
 * always lands after an earlier one on its way), each retried while the router restarts.
 */
function weightChanges(router: SupervisedRouter, clock: Clock, onConfirmed: (weights: RouteWeights) => void) {
  let applying: Promise<unknown> = Promise.resolve();
  return (next: RouteWeights, reason: string): Promise<RouteWeights> => {
    const change = applying
      .catch(() => undefined)
      .then(async () => {
        const until = clock.monotonic() + ROUTER_WAIT_MS;
        for (;;) {
          try {
            const confirmed = await (await router.ready()).setWeights(next.green, reason);
            onConfirmed(confirmed);
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
}
