/** The Clock port on the system's clocks. */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../../common/ports/clock';

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};
