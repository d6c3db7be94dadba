/** The Sleeper port on the system's timers: a wait that an abort ends at once and never leaves a timer behind. */
import { setTimeout as wait } from 'node:timers/promises';
import type { Sleeper } from '../../common/ports/sleeper';

export const systemSleeper: Sleeper = {
  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    try {
      await wait(Math.max(0, ms), undefined, { signal });
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) {
        throw error;
      }
    }
  },
};
