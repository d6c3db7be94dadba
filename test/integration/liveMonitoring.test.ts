/**
 * Layers 2 and 3 live in a real model server: the demo's blue-v1 (feature spec
 * flights-v1, reference.json of January 2001) served on 127.0.0.1, fed 5,000 real flights of
 * January 2001 (its training window), then the same flights with distance in kilometres. Its /metrics must show the
 * distance PSI below the seed's 0.25 on January and above it after the unit change, with the
 * out-of-range ratio, count a wrongly typed value against the features reading it, and pass
 * `promtool check metrics`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawRecord } from '../../src-main/engine/common/features/rawRecord';
import { openDatabase } from '../../src-main/engine/node/duckdb/database';
import { FLIGHTS_3M, ROOT } from '../support/paths';
import { metricValue, post, startTestServer, type TestServer } from '../support/servers';
import { requireService } from '../support/services';

const BLUE = join(ROOT, 'scenarios/demo/models/blue-v1');

/** 5,000 flights drawn from January 2001 (blue's training window), as raw records. */
async function januaryFlights(): Promise<RawRecord[]> {
  const { instance, connection } = await openDatabase();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT * FROM (SELECT strftime(date, '%Y-%m-%d %H:%M:%S') AS date, distance, origin, destination FROM read_parquet('${FLIGHTS_3M}') WHERE date < TIMESTAMP '2001-02-01') USING SAMPLE reservoir(5000 ROWS) REPEATABLE (7)`,
    );
    return reader
      .getRowObjectsJson()
      .map((r) => ({ date: String(r['date']), distance: Number(r['distance']), origin: String(r['origin']), destination: String(r['destination']) }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function feed(server: TestServer, records: readonly RawRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 100) {
    const answer = await post(`${server.url}/predict`, { instances: records.slice(i, i + 100) });
    expect(answer.status).toBe(200);
  }
}

async function metrics(server: TestServer): Promise<string> {
  return (await fetch(`${server.url}/metrics`)).text();
}

describe('live layer 2 and 3 metrics on a real server', () => {
  let server: TestServer;
  let flights: RawRecord[];
  beforeAll(async () => {
    [server, flights] = await Promise.all([startTestServer(BLUE, { maxBatch: 128, maxQueueDelayMs: 0, timeoutMs: 10_000 }), januaryFlights()]);
  });

  it('keeps the PSI of January traffic below 0.25 and raises it past 0.25 once distance is in kilometres', async (context) => {
    expect(flights).toHaveLength(5000);
    const before = await metrics(server);
    // No rows yet: no PSI (too few rows to say anything), histograms empty.
    expect(metricValue(before, 'model_feature_psi{feature="distance"}')).toBeUndefined();
    expect(metricValue(before, 'model_prediction_value_count')).toBe(0);

    await feed(server, flights);
    const january = await metrics(server);
    const psiJanuary = metricValue(january, 'model_feature_psi{feature="distance"}')!;
    expect(psiJanuary).toBeGreaterThanOrEqual(0);
    expect(psiJanuary).toBeLessThan(0.25);
    expect(metricValue(january, 'model_feature_out_of_range_ratio{feature="distance"}')).toBe(0);
    expect(metricValue(january, 'model_feature_null_ratio{feature="distance"}')).toBe(0);
    expect(metricValue(january, 'model_feature_unseen_ratio{feature="origin_index"}')).toBeLessThan(0.05);
    // No false alarm on the training window's own traffic, the 208 airports included.
    for (const feature of ['distance', 'dep_hour', 'dep_weekday', 'origin_index', 'destination_index']) {
      expect(metricValue(january, `model_feature_psi{feature="${feature}"}`), feature).toBeLessThan(0.25);
    }
    expect(metricValue(january, 'model_prediction_psi')).toBeLessThan(0.25);
    expect(metricValue(january, 'model_prediction_value_count')).toBe(5000);
    expect(metricValue(january, 'model_confidence_count')).toBe(5000);
    const mean = metricValue(january, 'model_prediction_mean')!;
    expect(mean).toBeGreaterThan(0.05);
    expect(mean).toBeLessThan(0.5);
    expect(metricValue(january, 'model_prediction_variance')).toBeGreaterThan(0);

    await feed(
      server,
      flights.map((r) => ({ ...r, distance: Number(r['distance']) * 1.609344 })),
    );
    const shifted = await metrics(server);
    expect(metricValue(shifted, 'model_feature_psi{feature="distance"}')).toBeGreaterThan(0.25);
    expect(metricValue(shifted, 'model_feature_out_of_range_ratio{feature="distance"}')).toBeGreaterThan(0);
    // The window slid: it holds only the shifted rows, and the other features did not move.
    expect(metricValue(shifted, 'model_feature_psi{feature="dep_hour"}')).toBeCloseTo(metricValue(january, 'model_feature_psi{feature="dep_hour"}')!, 12);

    // A value of the wrong type is a type error of every feature that reads its field.
    expect((await post(`${server.url}/predict`, { features: { ...flights[0], distance: 'far' } })).status).toBe(400);
    const refused = await metrics(server);
    expect(metricValue(refused, 'model_feature_type_errors_total{feature="distance"}')).toBe(1);
    expect(metricValue(refused, 'model_feature_type_errors_total{feature="dep_hour"}')).toBeUndefined();

    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: refused, encoding: 'utf8' });
    requireService(context, promtool.error === undefined, 'promtool (Debian package prometheus) is not installed');
    expect(`${promtool.stdout}${promtool.stderr}`).toBe('');
    expect(promtool.status).toBe(0);
  });

  it('serves layer 1 and the prediction histograms without a reference.json, and says layer 2 is off', async () => {
    const smoke = await startTestServer(join(ROOT, 'scenarios/smoke/model'), { maxQueueDelayMs: 0, timeoutMs: 10_000 });
    expect((await post(`${smoke.url}/predict`, { features: { date: '2001-03-01 06:05:00', distance: 337 } })).status).toBe(200);
    const text = await metrics(smoke);
    expect(metricValue(text, 'model_prediction_value_count')).toBe(1);
    expect(text).not.toContain('model_feature_psi');
    expect(smoke.log).toContain('[smoke-v1] live data-quality metrics (layer 2) off: the model folder has no reference.json');
  });
});
