/**
 * Child-process supervision of the router: a router that dies is started again on the same port
 * (with whatever its start function reads then, the weights last confirmed), as a mesh's control
 * plane would; after too many deaths the rig gives up, and whoever waits for the router hears why.
 */
import type { EmbeddedRouter } from '../router/embeddedRouter';

/** Restarts of a router that keeps dying before the rig gives up. */
const MAX_RESTARTS = 5;

/** A router kept running. */
export interface SupervisedRouter {
  /** The router process now (it changes at each restart). */
  current(): EmbeddedRouter;
  /** The router once it answers: the current one, or the restart under way; rejects once the rig gave up. */
  ready(): Promise<EmbeddedRouter>;
  /** Restarts so far: a router restarted since took the records of its requests with it. */
  readonly restarts: number;
  /** Kills the router from outside (SIGKILL, as a crash or an OOM kill would); resolves once its successor answers. */
  kill(): Promise<EmbeddedRouter>;
  /** Stops supervising and stops the router. */
  stop(): Promise<void>;
}

/** Starts a router with `start` (on a free port, restart 0) and keeps it running. */
export async function superviseRouter(start: (port: number, restart: number) => Promise<EmbeddedRouter>): Promise<SupervisedRouter> {
  let router = await start(0, 0);
  const port = Number(new URL(router.url).port);
  let ready: Promise<EmbeddedRouter> = Promise.resolve(router);
  let restarts = 0;
  let stopping = false;
  const watch = (current: EmbeddedRouter): void => {
    void current.exited.then(() => {
      if (stopping || router !== current) {
        return;
      }
      restarts += 1;
      ready = restarts > MAX_RESTARTS ? Promise.reject(new Error(`the router died ${restarts} times; giving up`)) : start(port, restarts);
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
  return {
    current: () => router,
    ready: () => ready,
    get restarts() {
      return restarts;
    },
    async kill() {
      const killed = router;
      process.kill(killed.pid, 'SIGKILL');
      await killed.exited;
      for (;;) {
        const next = await ready;
        if (next !== killed) {
          return next;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      stopping = true;
      await (await ready.catch(() => router)).stop();
    },
  };
}
