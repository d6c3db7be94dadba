/**
 * The serving tables of the flight-delay models, as shipped in a model's `serving/`
 * folder, validated once when the model loads and turned into lookups.
 *
 * - `airports` (serving/airports.json): the airport encoding frozen at training time. Code
 *   `codes[i]` has index i + 1; index 0 is the explicit bucket for airports not in the list
 *   (unseen, or too rare in the training window to learn on their own).
 * - `route_delay` (serving/route-delay.json): each route's historical share of flights delayed
 *   more than 15 minutes, as of the start of each week from `start`, computed only from flights
 *   whose delay was known (departure + `labelDelayHours`) before that week began, smoothed
 *   towards the fixed `prior` with weight `priorWeight`. A row reads the last week that began at
 *   or before its own time (the last week for every later row); an unknown route reads `prior`.
 */
import { z } from 'zod';
import { parseEventTime } from '../../../src-main/engine/common/time/eventTime';

export const airportsTableSchema = z.strictObject({
  description: z.string(),
  /** Airports with fewer flights than this in the training window share the unseen bucket. */
  minFlights: z.number().int().nonnegative(),
  codes: z.array(z.string().min(1)),
});

export const routeDelayTableSchema = z.strictObject({
  description: z.string(),
  /** The first week's start, wall clock without zone, e.g. 2001-01-01T00:00:00. */
  start: z.string().refine((text) => parseEventTime(text) !== null, { message: 'expected a timestamp such as 2001-01-01T00:00:00' }),
  weeks: z.number().int().positive(),
  labelDelayHours: z.number().nonnegative(),
  prior: z.number().min(0).max(1),
  priorWeight: z.number().nonnegative(),
  /** Route `ORIGIN-DESTINATION` -> rate as of the start of each week. */
  rates: z.record(z.string(), z.array(z.number().min(0).max(1))),
});

export type AirportsTable = z.output<typeof airportsTableSchema>;
export type RouteDelayTable = z.output<typeof routeDelayTableSchema>;

/** The airport encoding as a lookup. */
export interface AirportLookup {
  readonly table: AirportsTable;
  readonly index: ReadonlyMap<string, number>;
}

/** The route delay table as a lookup. */
export interface RouteDelayLookup {
  readonly table: RouteDelayTable;
  readonly startMs: number;
  readonly rates: ReadonlyMap<string, readonly number[]>;
  /** The same rates by origin, then destination: a lookup per row without building the route's text. */
  readonly byOrigin: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
}

export const WEEK_MS = 604_800_000;

/** Validates the airports table and builds its lookup. */
export function airportLookup(raw: unknown): AirportLookup {
  const table = parseTable('airports', airportsTableSchema, raw);
  return { table, index: new Map(table.codes.map((code, i) => [code, i + 1])) };
}

/** Validates the route delay table and builds its lookup. */
export function routeDelayLookup(raw: unknown): RouteDelayLookup {
  const table = parseTable('route_delay', routeDelayTableSchema, raw);
  for (const [route, rates] of Object.entries(table.rates)) {
    if (rates.length !== table.weeks) {
      throw new Error(`serving table route_delay: rates.${route}: expected ${table.weeks} weekly rates, found ${rates.length}`);
    }
  }
  const byOrigin = new Map<string, Map<string, readonly number[]>>();
  for (const [route, rates] of Object.entries(table.rates)) {
    const dash = route.indexOf('-');
    // A route whose codes themselves hold a dash is ambiguous split this way: it stays in `rates` only.
    if (dash > 0 && route.indexOf('-', dash + 1) === -1) {
      const origin = route.slice(0, dash);
      const destinations = byOrigin.get(origin) ?? new Map<string, readonly number[]>();
      destinations.set(route.slice(dash + 1), rates);
      byOrigin.set(origin, destinations);
    }
  }
  return { table, startMs: parseEventTime(table.start)!, rates: new Map(Object.entries(table.rates)), byOrigin };
}

/** A route's weekly rates, or undefined for a route the table does not know. */
export function routeRates(lookup: RouteDelayLookup, origin: string, destination: string): readonly number[] | undefined {
  return lookup.byOrigin.get(origin)?.get(destination) ?? lookup.rates.get(`${origin}-${destination}`);
}

/** The week a row at `timeMs` (data clock) reads: the last that began at or before it, clamped to the table. */
export function weekOf(lookup: RouteDelayLookup, timeMs: number): number {
  return Math.min(Math.max(Math.floor((timeMs - lookup.startMs) / WEEK_MS), 0), lookup.table.weeks - 1);
}

function parseTable<T>(name: string, schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`serving table ${name}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}
