/**
 * Builds the flight models' serving tables from the training window, with DuckDB (the formats are
 * defined in scenarios/demo/features/flightsTables.ts). Both are frozen into the
 * model folder: the serving pipeline reads them per record, the training SQL joins against them.
 */
import { openDatabase, sqlString } from '../../src-main/engine/node/duckdb/database';
import type { AirportsTable, RouteDelayTable } from '../../scenarios/demo/features/flightsTables';
import { formatEventTime } from '../../src-main/engine/common/time/eventTime';

const WEEK_MS = 604_800_000;

/** Airports with at least `minFlights` departures plus arrivals in [from, to), sorted by code. */
export async function buildAirportsTable(parquet: string, from: number, to: number, minFlights: number): Promise<AirportsTable> {
  const { instance, connection } = await openDatabase();
  try {
    const window = timeWindow(from, to);
    const result = await connection.runAndReadAll(
      `SELECT code FROM (SELECT origin AS code FROM read_parquet(${sqlString(parquet)}) WHERE ${window}
         UNION ALL SELECT destination FROM read_parquet(${sqlString(parquet)}) WHERE ${window})
       GROUP BY code HAVING count(*) >= ${minFlights} ORDER BY code`,
    );
    return {
      description: `Airport encoding frozen on ${formatEventTime(from)} to ${formatEventTime(to)}: codes[i] is index i + 1; index 0 is every airport not listed (unseen, or under ${minFlights} flights).`,
      minFlights,
      codes: result.getRowObjectsJson().map((row) => String(row['code'])),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Each route's delay rate as of the start of each week in [from, to), from flights in [from, to)
 * whose delay was known (departure + labelDelayHours) before that week began.
 */
export async function buildRouteDelayTable(
  parquet: string,
  from: number,
  to: number,
  options: { labelDelayHours: number; prior: number; priorWeight: number },
): Promise<RouteDelayTable> {
  const weeks = Math.ceil((to - from) / WEEK_MS);
  const { instance, connection } = await openDatabase();
  try {
    const result = await connection.runAndReadAll(
      `WITH weeks AS (SELECT range AS k, make_timestamp(${from * 1000} + range * ${WEEK_MS * 1000}) AS as_of FROM range(${weeks})),
            f AS (SELECT origin || '-' || destination AS route, date + INTERVAL (${options.labelDelayHours}) HOUR AS known, (delay > 15)::INTEGER AS late
                  FROM read_parquet(${sqlString(parquet)}) WHERE ${timeWindow(from, to)})
       SELECT route, k, count(*) FILTER (WHERE known < as_of) AS flights, coalesce(sum(late) FILTER (WHERE known < as_of), 0) AS delayed
       FROM f CROSS JOIN weeks GROUP BY route, k ORDER BY route, k`,
    );
    const rates: Record<string, number[]> = {};
    for (const row of result.getRowObjectsJson()) {
      const route = String(row['route']);
      const rate = (Number(row['delayed']) + options.priorWeight * options.prior) / (Number(row['flights']) + options.priorWeight);
      (rates[route] ??= []).push(Math.round(rate * 1e6) / 1e6);
    }
    return {
      description: `Share of flights delayed over 15 minutes per route (ORIGIN-DESTINATION), as of the start of each week from ${formatEventTime(from)}, from flights whose delay was known ${options.labelDelayHours} h after departure, before that week began; smoothed towards ${options.prior} with weight ${options.priorWeight}. Unknown routes read the prior.`,
      start: formatEventTime(from),
      weeks,
      labelDelayHours: options.labelDelayHours,
      prior: options.prior,
      priorWeight: options.priorWeight,
      rates,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function timeWindow(from: number, to: number): string {
  return `date >= make_timestamp(${from * 1000}) AND date < make_timestamp(${to * 1000})`;
}
