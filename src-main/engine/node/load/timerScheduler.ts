/**
 * The LoadScheduler on Node's event loop. Timers fire on whole milliseconds at best, so a send
 * can be up to about a millisecond late; the driver sends everything due at each wake-up, so
 * that lateness never thins the schedule. A busy spin (setImmediate until the planned time) would
 * cut it below a millisecond but burn a whole core, which on a small machine is taken from the
 * server under test: it measured 10x wrk's CPU per request (docs/ARCHITECTURE.md, "Load").
 */
import type { Clock } from '../../common/ports/clock';
import type { LoadScheduler } from '../../common/ports/loadScheduler';

/** Sleeps on setTimeout, at least one millisecond; a time already past resolves on the next turn. */
export function timerScheduler(clock: Clock): LoadScheduler {
  return {
    sleepUntil(at: number): Promise<void> {
      const wait = at - clock.monotonic();
      return new Promise((resolve) => {
        if (wait <= 0) {
          setImmediate(resolve);
        } else {
          setTimeout(resolve, Math.max(1, Math.round(wait)));
        }
      });
    },
  };
}
