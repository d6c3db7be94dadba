/**
 * Virtual real time for the load driver's unit tests (STYLE.md 3, after VS Code's
 * TimeTravelScheduler): a Clock and a LoadScheduler whose time moves only when every pending
 * promise has settled and the earliest timer is due, so a 30-second load runs in milliseconds
 * and every send lands exactly when planned.
 */
import type { Clock } from '../../src-main/engine/common/ports/clock';
import type { LoadScheduler } from '../../src-main/engine/common/ports/loadScheduler';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly fire: () => void;
}

/** One virtual timeline. */
export interface VirtualTime {
  readonly clock: Clock;
  readonly scheduler: LoadScheduler;
  /** Calls `fire` at virtual time `at` (ms). */
  at(at: number, fire: () => void): void;
  /** Runs timers until `work` settles; throws if it waits on nothing. */
  drive<T>(work: Promise<T>): Promise<T>;
}

/** A timeline starting at `start` ms; `wakeLateMs` delays every scheduler wake-up (a slow event loop). */
export function virtualTime(start = 1000, wakeLateMs = 0): VirtualTime {
  let now = start;
  let order = 0;
  const timers: Timer[] = [];
  const at = (when: number, fire: () => void): void => {
    timers.push({ at: Math.max(when, now), order: order++, fire });
  };
  return {
    clock: { now: () => now, monotonic: () => now },
    scheduler: { sleepUntil: (when) => new Promise<void>((resolve) => at(when + wakeLateMs, resolve)) },
    at,
    async drive<T>(work: Promise<T>): Promise<T> {
      let done = false;
      let value: T | undefined;
      let failure: unknown = null;
      work.then(
        (v) => ((done = true), (value = v)),
        (e: unknown) => ((done = true), (failure = e ?? new Error('rejected'))),
      );
      for (;;) {
        // Let every promise chain that can move, move, before time does.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (done) {
          if (failure !== null) {
            throw failure;
          }
          return value as T;
        }
        if (timers.length === 0) {
          throw new Error('virtual time: the work waits, but no timer is pending');
        }
        let next = 0;
        for (let i = 1; i < timers.length; i++) {
          const t = timers[i]!;
          const best = timers[next]!;
          if (t.at < best.at || (t.at === best.at && t.order < best.order)) {
            next = i;
          }
        }
        const [timer] = timers.splice(next, 1);
        now = Math.max(now, timer!.at);
        timer!.fire();
      }
    },
  };
}
