/**
 * Joins what the client saw of each request with what the router recorded of it (the served
 * side's own latency, the copies' answers), collected from `GET /router/records`.
 */
import type { Clock } from '../../common/ports/clock';
import type { RouterRecord } from '../router/routerRecords';
import type { SupervisedRouter } from './routerSupervisor';

/** The router's records, claimed by request id. */
export interface RoutedRecords {
  /**
   * The records of `ids`, waiting for copies still on their way; records a restarted router took
   * with it (`generation` is the restart count the batch began under) are not waited for.
   */
  claim(ids: readonly string[], generation: number): Promise<Map<string, RouterRecord>>;
}

/** Records of `router`; a batch's are waited for at most `waitMs`. */
export function routedRecords(router: SupervisedRouter, clock: Clock, waitMs: number): RoutedRecords {
  // Records collected for requests of another batch still being claimed.
  const unclaimed = new Map<string, RouterRecord>();
  const take = (ids: readonly string[]): Map<string, RouterRecord> => {
    const found = new Map<string, RouterRecord>();
    for (const id of ids) {
      const record = unclaimed.get(id);
      if (record !== undefined) {
        found.set(id, record);
        unclaimed.delete(id);
      }
    }
    return found;
  };
  return {
    async claim(ids, generation) {
      const deadline = clock.monotonic() + waitMs;
      for (;;) {
        try {
          for (const record of await (await router.ready()).records()) {
            unclaimed.set(record.id, record);
          }
        } catch {
          // The router is restarting; its records of the requests before are gone with it.
        }
        if (ids.every((id) => unclaimed.has(id)) || clock.monotonic() > deadline || router.restarts !== generation) {
          return take(ids);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
