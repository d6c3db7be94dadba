/**
 * Seeded samples through the real DuckDB reader: the same seed picks the same rows in every read
 * (so the two pipelines' reads join by request id), another seed other rows; the sample stays in
 * the window, in event-time order, and carries each row's stored position as its id.
 */
import { describe, expect, it } from 'vitest';
import { sampleRequests } from '../../src-main/engine/common/features/parity/sampleRequests';
import type { SnapshotSource } from '../../src-main/engine/common/ports/snapshot';
import { openSnapshot } from '../../src-main/engine/node/duckdb/snapshotReader';
import { FLIGHTS_3M } from '../support/paths';

const section = { path: FLIGHTS_3M, timestamp: 'date', label: 'delay > 15', labelDelay: 0, maxRejectRate: 0 };
const window = { from: Date.UTC(2001, 2, 1), to: Date.UTC(2001, 2, 8) };

async function ids(source: SnapshotSource, seed: number, rows = 200): Promise<{ ids: string[]; times: number[] }> {
  const out: { ids: string[]; times: number[] } = { ids: [], times: [] };
  for await (const chunk of source.read({ columns: ['origin'], derived: {}, sample: { rows, seed }, ...window })) {
    out.ids.push(...chunk.rowIds!);
    out.times.push(...chunk.eventTime);
  }
  return out;
}

describe('seeded samples of a snapshot (real DuckDB)', () => {
  it('picks the same rows for the same seed, other rows for another, inside the window and in time order', async () => {
    const source = await openSnapshot(section, 'production');
    try {
      const first = await ids(source, 7);
      const again = await ids(source, 7);
      const other = await ids(source, 8);
      expect(first.ids).toHaveLength(200);
      expect(again.ids).toEqual(first.ids);
      expect(new Set(other.ids.filter((id) => first.ids.includes(id))).size).toBeLessThan(10);
      expect(first.ids.every((id) => /^0:\d+$/.test(id))).toBe(true);
      expect(first.times.every((t, i) => t >= window.from && t < window.to && (i === 0 || t >= first.times[i - 1]!))).toBe(true);
      // A larger sample with the same seed holds the smaller one: the choice is by each row's own hash.
      const larger = await ids(source, 7, 400);
      expect(first.ids.every((id) => larger.ids.includes(id))).toBe(true);
    } finally {
      await source.close();
    }
  });

  it('joins the raw-record read and the SQL read of one sample by request id', async () => {
    const source = await openSnapshot(section, 'production');
    try {
      const sampled = await sampleRequests(source, window, { rows: 50, seed: 3 }, ['date', 'origin', 'distance'], {
        columns: ['hour_sql', 'distance'],
        derived: { hour_sql: 'hour(date)' },
        relations: {},
        joins: [],
      });
      expect(sampled).toMatchObject({ joined: 50 });
      expect(sampled.records[0]).toEqual({
        date: expect.stringMatching(/^2001-03-0\d \d\d:\d\d:00$/),
        origin: expect.any(String),
        distance: expect.any(Number),
      });
      // The SQL hour of each request is the hour written in its raw record: the two reads met on the same rows.
      const hours = sampled.training.get('hour_sql')!;
      sampled.records.forEach((record, i) => expect(hours[i]).toBe(Number(String(record['date']).slice(11, 13))));
      expect(Array.from(sampled.training.get('distance')!)).toEqual(sampled.records.map((r) => r['distance']));
      expect(sampled.trainingChunks.reduce((n, c) => n + c.rowCount, 0)).toBe(50);
    } finally {
      await source.close();
    }
  });
});
