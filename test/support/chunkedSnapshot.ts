/** A snapshot in several chunks, for tests of what happens between chunks (run control, progress). */
import type { SnapshotStore } from '../../src-main/engine/common/ports/snapshot';

/** One numeric column `a` and labels, one row per hour from March 1 2001, in chunks of `chunkRows`; it counts its rows ahead. */
export function chunkedSnapshotStore(values: readonly number[], labels: readonly number[], chunkRows: number): SnapshotStore {
  const start = Date.UTC(2001, 2, 1);
  return {
    async open() {
      return {
        description: 'chunked memory',
        columns: [{ name: 'a', type: 'DOUBLE' }],
        async *read(query) {
          // A sample (preflight's parity sample) is the first rows, with their positions as ids.
          const total = query.sample ? Math.min(values.length, query.sample.rows) : values.length;
          for (let at = 0; at < total; at += chunkRows) {
            const n = Math.min(chunkRows, total - at);
            yield {
              rowCount: n,
              eventTime: Float64Array.from({ length: n }, (_, i) => start + (at + i) * 3_600_000),
              label: Float64Array.from(labels.slice(at, at + n)),
              columns: { a: { kind: 'number' as const, values: Float64Array.from(values.slice(at, at + n)), valid: new Uint8Array(n).fill(1) } },
              ...(query.sample ? { rowIds: Array.from({ length: n }, (_, i) => `0:${at + i}`) } : {}),
            };
          }
        },
        async extent() {
          return { rows: values.length, from: start, to: start + (values.length - 1) * 3_600_000 };
        },
        rejects: () => ({ rejected: 0, examples: [] }),
        async close() {},
      };
    },
  };
}
