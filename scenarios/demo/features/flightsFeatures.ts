/**
 * The flight-delay features, each defined once as DuckDB SQL over a snapshot row and as
 * TypeScript over a raw record `{date, distance, origin, destination}`. `date` is local wall-clock
 * time without a zone: the hour and weekday are read from it as written, never through a zone.
 */
import type { FeatureDefinition, ServingTables } from '../../../src-main/engine/common/features/featureSpec';
import { hourOfDay, isoWeekday } from '../../../src-main/engine/common/time/calendar';
import { numberField, textField, wallClockField, type RawRecord } from '../../../src-main/engine/common/features/rawRecord';
import { routeRates, WEEK_MS, weekOf, type AirportLookup, type RouteDelayLookup } from './flightsTables';

/** Flight distance in miles. */
export const distance: FeatureDefinition = {
  name: 'distance',
  kind: 'numeric',
  fields: ['distance'],
  sql: () => 'CAST(distance AS DOUBLE)',
  serve: (record) => numberField(record, 'distance'),
};

/** Local departure hour, 0-23. */
export const depHour: FeatureDefinition = {
  name: 'dep_hour',
  kind: 'categorical',
  fields: ['date'],
  sql: () => 'hour(date)',
  serve: (record) => hourOfDay(wallClockField(record, 'date')),
};

/** Local day of week, 0 = Monday ... 6 = Sunday (ISO order). */
export const depWeekday: FeatureDefinition = {
  name: 'dep_weekday',
  kind: 'categorical',
  fields: ['date'],
  sql: () => '(isodow(date) - 1)',
  serve: (record) => isoWeekday(wallClockField(record, 'date')),
};

/** The airport encoding of `field`: its frozen index, 0 for an airport outside the encoding. */
function airportIndex(name: string, field: 'origin' | 'destination'): FeatureDefinition {
  return {
    name,
    kind: 'categorical',
    fields: [field],
    sql: ({ lookup }) => `coalesce(${lookup('airports', { code: field }, 'idx')}, 0)`,
    serve: (record, tables) => airports(tables).index.get(textField(record, field)) ?? 0,
  };
}

export const originIndex = airportIndex('origin_index', 'origin');
export const destinationIndex = airportIndex('destination_index', 'destination');

/** The route's historical delay rate as known before the row's week began (see flightsTables.ts). */
export const routeDelayRate: FeatureDefinition = {
  name: 'route_delay_rate',
  kind: 'numeric',
  fields: ['date', 'origin', 'destination'],
  sql: ({ tables, lookup }) => {
    const table = routeDelay(tables);
    const week = `least(greatest(floor((epoch_ms(date) - ${table.startMs}) / ${WEEK_MS}.0), 0), ${table.table.weeks - 1})::BIGINT`;
    return `coalesce(${lookup('route_delay', { route: "origin || '-' || destination", week }, 'rate')}, ${table.table.prior})`;
  },
  serve: (record, tables) => {
    const lookup = routeDelay(tables);
    const rates = routeRates(lookup, textField(record, 'origin'), textField(record, 'destination'));
    return rates?.[weekOf(lookup, wallClockField(record, 'date'))] ?? lookup.table.prior;
  },
  joined: {
    keySql: "origin || '-' || destination",
    key: routeOf,
    asOf: (record, tables) => {
      const lookup = routeDelay(tables);
      return lookup.startMs + weekOf(lookup, wallClockField(record, 'date')) * WEEK_MS;
    },
    since: (tables) => routeDelay(tables).startMs,
    // The table's own formula, rounded as the table stores it (six decimals).
    value: (rows, positives, tables) => {
      const { prior, priorWeight } = routeDelay(tables).table;
      return Math.round(((positives + priorWeight * prior) / (rows + priorWeight)) * 1e6) / 1e6;
    },
  },
};

function routeOf(record: RawRecord): string {
  return `${textField(record, 'origin')}-${textField(record, 'destination')}`;
}

function airports(tables: ServingTables): AirportLookup {
  return tables['airports'] as AirportLookup;
}

function routeDelay(tables: ServingTables): RouteDelayLookup {
  return tables['route_delay'] as RouteDelayLookup;
}
