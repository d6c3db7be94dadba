/**
 * The run's season when a scenario does not say one: chosen by the rule `rehearse init` writes
 * drafts with, from the reference's time grain and span, and said in `replay.started`. Real
 * flights: a month of them by the minute (the demo's January) keeps the hour of the week; the
 * same flights dated by the day, over two months, are compared weekday by weekday.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { rehearse, runEvents } from '../support/cli';
import { FLIGHTS_3M, ROOT, tempDir } from '../support/paths';

function scenarioText(snapshot: string, production: string, reference: string, extra = ''): string {
  return `name: season
models:
  blue:
    path: ${ROOT}/scenarios/smoke/model
    name: smoke-v1
snapshots:
  production:
    path: ${snapshot}
    timestamp: date
    label: delay > 15
    labelDelay: 0s
    ${production}
  reference:
    blue:
      path: ${snapshot}
      timestamp: date
      label: delay > 15
      ${reference}
${extra}`;
}

function replayStarted(dir: string, text: string) {
  const scenario = join(dir, 'season.yaml');
  writeFileSync(scenario, text);
  const out = join(dir, 'run');
  const result = rehearse(['run', scenario, '--out', out, '--formats', 'json']);
  expect(result.stderr).not.toContain('error');
  const started = runEvents(out).find((e) => e.kind === 'replay.started');
  return started?.kind === 'replay.started' ? started : null;
}

/** The flights of January to early March 2001 with their times cut to the day: a daily-grain snapshot. */
async function dailyFlights(dir: string): Promise<string> {
  const path = join(dir, 'daily.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (SELECT * REPLACE (CAST(date_trunc('day', date) AS TIMESTAMP) AS date) FROM read_parquet('${FLIGHTS_3M}') WHERE date < TIMESTAMP '2001-03-04' ORDER BY date) TO '${path}' (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return path;
}

describe('the season a run chooses when the scenario does not say one', () => {
  it('daily rows over two months, daily windows: day-of-week, and why', async () => {
    const dir = tempDir();
    const daily = await dailyFlights(dir);
    const started = replayStarted(
      dir,
      scenarioText(daily, 'from: 2001-03-01\n    to: 2001-03-04', 'from: 2001-01-01\n      to: 2001-03-01', 'alerts:\n  drift:\n    window: 1d\n'),
    );
    expect(started).toMatchObject({ season: 'day-of-week', windowMs: 86_400_000 });
    expect(started?.seasonReason).toContain('time grain (day)');
    expect(started?.seasonReason).toContain('the reference spans 59 days');
  });

  it("a month of flights by the minute, hourly windows (the demo's January): hour-of-week, and why", () => {
    const dir = tempDir();
    const started = replayStarted(dir, scenarioText(FLIGHTS_3M, 'from: 2001-03-01\n    to: 2001-03-02', 'from: 2001-01-01\n      to: 2001-02-01'));
    expect(started).toMatchObject({ season: 'hour-of-week', windowMs: 3_600_000 });
    expect(started?.seasonReason).toContain('time grain (minute)');
    expect(started?.seasonReason).toContain('every hour of the week at least twice');
  });

  it('keeps the season a scenario says, with no reason to give', () => {
    const dir = tempDir();
    const started = replayStarted(
      dir,
      scenarioText(FLIGHTS_3M, 'from: 2001-03-01\n    to: 2001-03-02', 'from: 2001-01-01\n      to: 2001-01-08', 'alerts:\n  drift:\n    season: none\n'),
    );
    expect(started?.season).toBe('none');
    expect(started).not.toHaveProperty('seasonReason');
  });
});
