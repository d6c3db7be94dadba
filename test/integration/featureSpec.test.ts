/** A feature spec's two halves agree: DuckDB SQL over the snapshot and TypeScript over raw records. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servingPipeline, trainingSql } from '../../src-main/engine/common/features/featureSpec';
import { RecordFieldError, type RawRecord } from '../../src-main/engine/common/features/rawRecord';
import { smokeSpec } from '../../scenarios/smoke/features/smoke';
import { openDatabase, sqlString } from '../../src-main/engine/node/duckdb/database';
import { loadServingPipeline } from '../../src-main/engine/node/model/servingPipeline';
import { ROOT } from '../support/paths';

const SNAPSHOT = join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet');

describe('the smoke feature spec (real DuckDB)', () => {
  it('computes the same features in SQL and per raw record on every snapshot row', async () => {
    const sql = trainingSql(smokeSpec, {});
    const { instance, connection } = await openDatabase();
    const reader = await connection.runAndReadAll(
      `SELECT strftime(date, '%Y-%m-%d %H:%M:%S') AS date, distance, origin, destination, ${Object.entries(sql)
        .map(([name, expr]) => `(${expr})::DOUBLE AS "${name}"`)
        .join(', ')} FROM read_parquet(${sqlString(SNAPSHOT)})`,
    );
    connection.closeSync();
    instance.closeSync();
    const rows = reader.getRowObjectsJson();
    const serving = servingPipeline(smokeSpec, {});
    let compared = 0;
    for (const row of rows) {
      const record: RawRecord = {
        date: row['date'] as string,
        distance: Number(row['distance']),
        origin: row['origin'] as string,
        destination: row['destination'] as string,
      };
      const served = serving.featuresOf(record);
      expect(served[0]).toBeCloseTo(Number(row['distance_k']), 12);
      expect(served[1]).toBe(Number(row['dep_hour']));
      compared++;
    }
    expect(compared).toBe(49071);
  });

  it('names a missing or mistyped field of a raw record', async () => {
    const serving = servingPipeline(smokeSpec, {});
    expect(() => serving.featuresOf({ date: '2001-03-01 06:05:00' })).toThrow(new RecordFieldError('distance', 'a number', 'nothing (the field is missing)'));
    expect(() => serving.featuresOf({ date: 'yesterday', distance: 300 })).toThrow(
      'field "date": expected a timestamp such as 2001-03-01 06:05:00, found string "yesterday"',
    );
  });

  it('is what a model folder serves, from its card', async () => {
    const pipeline = await loadServingPipeline(join(ROOT, 'scenarios/smoke/model'));
    expect(pipeline?.features).toEqual(['distance_k', 'dep_hour']);
    expect(pipeline?.fields).toEqual(['distance', 'date']);
    const batch = pipeline!.toBatch([{ date: '2001-03-01T17:45:00', distance: 2500 }], 'features');
    expect(batch['features']).toEqual({ type: 'float32', dims: [1, 2], data: Float32Array.of(2.5, 17) });
  });
});
