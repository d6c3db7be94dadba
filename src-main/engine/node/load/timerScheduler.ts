/**
 * The LoadScheduler on Node's event loop. Timers fire on whole milliseconds at best, so a wait
 * shorter than one goes through setImmediate (the next turn of the loop, after pending I/O),
 * which keeps sends within a fraction of a millisecond of their plan at high rates without a
 * busy spin at low ones.
 */
import type { Clock } from '../../common/ports/clock';
import type { LoadScheduler } from '../../common/ports/loadScheduler';

/** Sleeps on setTimeout for whole milliseconds, setImmediate below one. */
export function timerScheduler(clock: Clock): LoadScheduler {
  return {
    sleepUntil(at: number): Promise<void> {
      const wait = Math.floor(at - clock.monotonic());
      return new Promise((resolve) => {
        if (wait >= 1) {
          setTimeout(resolve, wait);
        } else {
          setImmediate(resolve);
        }
      });
    },
  };
}
