/** The Scheduler port on Node's timers. */
import type { Scheduler } from '../../common/ports/scheduler';

export const systemScheduler: Scheduler = {
  schedule(delayMs, task) {
    const timer = setTimeout(task, delayMs);
    return () => clearTimeout(timer);
  },
};
