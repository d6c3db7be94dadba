/** Virtual time for engine tests (STYLE.md 3): a clock and a scheduler that move only when told. */
import type { Clock } from '../../src-main/engine/common/ports/clock';
import type { Scheduler } from '../../src-main/engine/common/ports/scheduler';

/** A clock and scheduler sharing one virtual time, in ms. */
export interface VirtualTime {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** Moves time forward, running every task that falls due, in order. */
  advance(ms: number): Promise<void>;
  /** Lets pending promise callbacks run without moving time. */
  settle(): Promise<void>;
  readonly pending: number;
}

/** Virtual time starting at 0. */
export function virtualTime(): VirtualTime {
  let now = 0;
  let nextId = 0;
  const tasks: { at: number; id: number; run: () => void }[] = [];
  // Every promise callback already queued runs before a macrotask: the run goes as far as it can
  // without virtual time moving, however many awaits deep (a few rounds for chains that start new ones).
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  return {
    clock: { now: () => now, monotonic: () => now },
    scheduler: {
      schedule(delayMs, run) {
        const task = { at: now + Math.max(0, delayMs), id: nextId++, run };
        tasks.push(task);
        return () => {
          const at = tasks.indexOf(task);
          if (at >= 0) {
            tasks.splice(at, 1);
          }
        };
      },
    },
    async advance(ms) {
      const end = now + ms;
      await settle();
      for (;;) {
        tasks.sort((a, b) => a.at - b.at || a.id - b.id);
        const next = tasks[0];
        if (!next || next.at > end) {
          break;
        }
        tasks.shift();
        now = next.at;
        next.run();
        await settle();
      }
      now = end;
      await settle();
    },
    settle,
    get pending() {
      return tasks.length;
    },
  };
}
