import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnChunk } from '../../src-main/engine/common/ports/snapshot';
import { snapshotSchemaDefaults } from '../support/snapshots';
import { openSnapshot } from '../../src-main/engine/node/duckdb/snapshotReader';
import { FLIGHTS_3M, tempDir } from '../support/paths';

async function readAll(chunks: AsyncIterable<ColumnChunk>): Promise<ColumnChunk[]> {
  const out: ColumnChunk[] = [];
  for await (const chunk of chunks) {
    out.push(chunk);
  }
  return out;
}

describe('snapshots through DuckDB (real DuckDB)', () => {
  it('streams a Parquet snapshot in event-time order, in chunks, within [from, to)', async () => {
    const from = Date.UTC(2001, 2, 1);
    const to = Date.UTC(2001, 2, 2);
    const source = await openSnapshot(snapshotSchemaDefaults({ path: FLIGHTS_3M, timestamp: 'date', label: 'delay > 15' }), 'production');
    expect(source.columns.map((c) => c.name)).toEqual(['date', 'delay', 'distance', 'origin', 'destination']);
    const chunks = await readAll(source.read({ columns: ['distance', 'origin', 'hour'], derived: { hour: 'hour(date)' }, from, to }));
    await source.close();
    expect(chunks.length).toBeGreaterThan(1);
    const times = chunks.flatMap((c) => Array.from(c.eventTime));
    expect(times[0]).toBeGreaterThanOrEqual(from);
    expect(times.at(-1)).toBeLessThan(to);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    const first = chunks[0]!;
    expect(first.columns['origin']!.kind).toBe('text');
    expect(first.columns['distance']!.kind).toBe('number');
    const hour = first.columns['hour']!;
    expect(hour.kind === 'number' && hour.values[0]).toBe(new Date(times[0]!).getUTCHours());
    expect(Array.from(first.label!).every((y) => y === 0 || y === 1)).toBe(true);
  });

  it('reads CSV and JSON lines the same way, with nulls kept as nulls', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.csv'), 'ts,x,city\n2001-01-01 02:00:00,2,b\n2001-01-01 01:00:00,,a\n');
    writeFileSync(join(dir, 's.jsonl'), '{"ts":"2001-01-01 02:00:00","x":2,"city":"b"}\n{"ts":"2001-01-01 01:00:00","x":null,"city":"a"}\n');
    for (const file of ['s.csv', 's.jsonl']) {
      const source = await openSnapshot(snapshotSchemaDefaults({ path: join(dir, file), timestamp: 'ts' }), 'production');
      const [chunk] = await readAll(source.read({ columns: ['x', 'city'], derived: {} }));
      await source.close();
      expect(Array.from(chunk!.eventTime)).toEqual([Date.UTC(2001, 0, 1, 1), Date.UTC(2001, 0, 1, 2)]);
      expect(chunk!.columns['city']).toEqual({ kind: 'text', values: ['a', 'b'] });
      const x = chunk!.columns['x']!;
      expect(x.kind === 'number' && [Array.from(x.valid), x.values[1]]).toEqual([[0, 1], 2]);
      expect(chunk!.label).toBeNull();
    }
  });

  it('names a missing file and an unknown timestamp column', async () => {
    await expect(openSnapshot(snapshotSchemaDefaults({ path: '/nowhere/x.parquet', timestamp: 'date' }), 'production')).rejects.toMatchObject({
      where: '/nowhere/x.parquet',
      problem: expect.stringContaining('snapshot file not found'),
    });
    await expect(openSnapshot(snapshotSchemaDefaults({ path: FLIGHTS_3M, timestamp: 'when' }), 'production')).rejects.toMatchObject({
      where: 'snapshots.production.timestamp',
      problem: expect.stringContaining('"when" is not one of: date, delay, distance, origin, destination'),
    });
  });

  it('names a file that is not the format it claims', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'fake.parquet'), 'not parquet');
    await expect(openSnapshot(snapshotSchemaDefaults({ path: join(dir, 'fake.parquet'), timestamp: 'date' }), 'production')).rejects.toMatchObject({
      problem: expect.stringContaining('cannot be read as parquet'),
    });
  });
});
