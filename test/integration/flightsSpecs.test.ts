/**
 * The demo's feature specs agree with themselves on the demo data: for a sample of the
 * 3M flights spread over January-June, the training SQL (DuckDB, joined against the model's
 * serving tables as relations) and the serving TypeScript (per raw record) give the same values.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawRecord } from '../../src-main/engine/common/features/rawRecord';
import { servingPipeline, trainingPipeline } from '../../src-main/engine/common/features/featureSpec';
import { formatEventTime } from '../../src-main/engine/common/time/eventTime';
import { openDatabase, sqlString } from '../../src-main/engine/node/duckdb/database';
import { openSnapshot } from '../../src-main/engine/node/duckdb/snapshotReader';
import { loadBoundFeatures, readModelCard } from '../../src-main/engine/node/model/modelCard';
import { loadServingPipeline } from '../../src-main/engine/node/model/servingPipeline';
import { FLIGHTS_3M, ROOT, tempDir } from '../support/paths';
import { snapshotSchemaDefaults } from '../support/snapshots';

const MODELS = join(ROOT, 'scenarios/demo/models');

let sample: string;

beforeAll(async () => {
  // Every 40th flight by a hash of its fields: about 75,000 rows over all six months and every route week.
  sample = join(tempDir(), 'sample.parquet');
  const { instance, connection } = await openDatabase();
  await connection.run(
    `COPY (SELECT * FROM read_parquet(${sqlString(FLIGHTS_3M)}) WHERE hash(date, origin, destination, distance) % 40 = 0) TO ${sqlString(sample)} (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
});

describe.each(['blue-v1', 'green-v2'])('the %s feature spec on the demo data (real DuckDB)', (model) => {
  it('computes every feature the same in SQL and per raw record', async () => {
    const folder = join(MODELS, model);
    const bound = (await loadBoundFeatures(folder, readModelCard(folder)))!;
    const training = trainingPipeline(bound.spec, bound.tables, model);
    const serving = servingPipeline(bound.spec, bound.tables);
    const names = bound.spec.features.map((f) => f.name);
    const source = await openSnapshot(snapshotSchemaDefaults({ path: sample, timestamp: 'date' }), 'production');
    let compared = 0;
    const mismatches: string[] = [];
    const seen = { unseenAirport: 0, unknownRoute: 0, weeks: new Set<number>() };
    for await (const chunk of source.read({
      columns: ['distance', 'origin', 'destination', ...names],
      derived: training.sql,
      relations: training.relations,
      joins: training.joins,
    })) {
      for (let i = 0; i < chunk.rowCount; i++) {
        const text = (name: string): string => {
          const column = chunk.columns[name]!;
          return column.kind === 'text' ? column.values[i]! : '';
        };
        const distance = chunk.columns['distance']!;
        const record: RawRecord = {
          date: formatEventTime(chunk.eventTime[i]!),
          distance: distance.kind === 'number' ? distance.values[i]! : null,
          origin: text('origin'),
          destination: text('destination'),
        };
        const served = serving.featuresOf(record);
        names.forEach((name, j) => {
          const column = chunk.columns[name]!;
          const sql = column.kind === 'number' ? column.values[i]! : Number.NaN;
          if (sql !== served[j]) {
            mismatches.push(`${record.date} ${record.origin}-${record.destination} ${name}: sql ${sql}, serving ${served[j]}`);
          }
        });
        seen.unseenAirport += served[3] === 0 || served[4] === 0 ? 1 : 0;
        compared++;
      }
    }
    await source.close();
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(60_000);
    // The sample reaches the explicit bucket of airports outside the frozen encoding.
    expect(seen.unseenAirport).toBeGreaterThan(0);
  });

  it('is what the committed model folder serves', async () => {
    const pipeline = (await loadServingPipeline(join(MODELS, model)))!;
    expect(pipeline.features.slice(0, 5)).toEqual(['distance', 'dep_hour', 'dep_weekday', 'origin_index', 'destination_index']);
    const [distance, hour, weekday, origin] = pipeline.featuresOf({ date: '2001-03-05 17:45:00', distance: 337, origin: 'SFO', destination: 'LAX' });
    expect([distance, hour, weekday]).toEqual([337, 17, 0]);
    expect(origin).toBeGreaterThan(0);
    expect(pipeline.featuresOf({ date: '2001-03-05 17:45:00', distance: 337, origin: 'ZZZ', destination: 'LAX' })[3]).toBe(0);
  });
});

describe('the route delay rate (flights-v2)', () => {
  it('only uses flights whose delay was known before the row: a route rate moves only at week starts', async () => {
    const pipeline = (await loadServingPipeline(join(MODELS, 'green-v2')))!;
    const rate = (date: string): number => pipeline.featuresOf({ date, distance: 337, origin: 'SFO', destination: 'LAX' })[5]!;
    // The first week knows no flight yet: every route reads the fixed prior.
    expect(rate('2001-01-01 08:00:00')).toBe(0.2);
    expect(rate('2001-01-07 23:59:00')).toBe(0.2);
    expect(rate('2001-01-08 00:00:00')).not.toBe(0.2);
    expect(rate('2001-02-06 00:00:00')).toBe(rate('2001-02-11 23:00:00'));
    // After the training window the last week's rate is frozen, as shipped.
    expect(rate('2001-05-20 09:00:00')).toBe(rate('2001-02-26 09:00:00'));
  });

  it('names a malformed table when the model loads', async () => {
    const bound = (await loadBoundFeatures(join(MODELS, 'green-v2'), readModelCard(join(MODELS, 'green-v2'))))!;
    expect(() => bound.spec.prepareTables!({ airports: { description: '', minFlights: 1, codes: [] }, route_delay: { rates: {} } })).toThrow(
      /serving table route_delay: description: /,
    );
  });
});
