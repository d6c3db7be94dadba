/** Virtual real time for engine tests (STYLE.md 3): a Clock and a Sleeper that move only when the test says. */
import type { Clock } from '../../src-main/engine/common/ports/clock';
import type { Sleeper } from '../../src-main/engine/common/ports/sleeper';
import type { SnapshotStore } from '../../src-main/engine/common/run/environment';

/** A clock and a sleeper on one virtual timeline; `advance` wakes the sleeps that fall due. */
export function virtualTime(): { clock: Clock; sleeper: Sleeper; advance(ms: number): Promise<void>; sleeps: number[]; waiting(): number } {
  let now = 0;
  const due: { at: number; wake: () => void }[] = [];
  const sleeps: number[] = [];
  return {
    clock: { now: () => now, monotonic: () => now },
    sleeper: {
      sleep(ms, signal) {
        sleeps.push(ms);
        return new Promise<void>((resolve) => {
          const entry = { at: now + ms, wake: resolve };
          due.push(entry);
          signal.addEventListener('abort', () => {
            const at = due.indexOf(entry);
            if (at >= 0) {
              due.splice(at, 1);
            }
            resolve();
          });
        });
      },
    },
    async advance(ms) {
      now += ms;
      for (const entry of due.filter((d) => d.at <= now)) {
        due.splice(due.indexOf(entry), 1);
        entry.wake();
      }
      await settle();
    },
    sleeps,
    waiting: () => due.length,
  };
}

/** Lets every promise callback that is ready run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await Promise.resolve();
  }
}

/** A snapshot of one numeric column `a` and labels, one row per hour from March 1 2001, in chunks of `chunkRows`. */
export function chunkedSnapshotStore(values: readonly number[], labels: readonly number[], chunkRows: number): SnapshotStore & { extentAsked: number } {
  const start = Date.UTC(2001, 2, 1);
  const store = {
    extentAsked: 0,
    async open() {
      return {
        description: 'chunked memory',
        columns: [{ name: 'a', type: 'DOUBLE' }],
        async *read() {
          for (let at = 0; at < values.length; at += chunkRows) {
            const n = Math.min(chunkRows, values.length - at);
            yield {
              rowCount: n,
              eventTime: Float64Array.from({ length: n }, (_, i) => start + (at + i) * 3_600_000),
              label: Float64Array.from(labels.slice(at, at + n)),
              columns: { a: { kind: 'number' as const, values: Float64Array.from(values.slice(at, at + n)), valid: new Uint8Array(n).fill(1) } },
            };
          }
        },
        async extent() {
          store.extentAsked += 1;
          return { rows: values.length, from: start, to: start + (values.length - 1) * 3_600_000 };
        },
        rejects: () => ({ rejected: 0, examples: [] }),
        async close() {},
      };
    },
  };
  return store;
}
