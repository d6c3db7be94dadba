/**
 * The seed's UTC-vs-local serving bug as a serving variant of the flight specs, and the zone
 * conversion under it. These run in the machine's zone; test/cli/utcBug.test.ts runs the whole
 * check under TZ=UTC and TZ=Asia/Kolkata.
 */
import { describe, expect, it } from 'vitest';
import { servingPipeline } from '../../src-main/engine/common/features/featureSpec';
import { AIRPORT_TIME_ZONES } from '../../scenarios/demo/features/airportTimeZones';
import { DEPARTURE_HOUR_UTC } from '../../scenarios/demo/features/departureHourUtc';
import { flightsV1Spec } from '../../scenarios/demo/features/flightsV1';
import { airportLookup } from '../../scenarios/demo/features/flightsTables';
import { isKnownZone, wallClockToInstant } from '../../scenarios/demo/features/zonedTime';

const wall = (text: string): number => Date.parse(`${text}Z`);
const tables = { airports: airportLookup({ description: 'test', minFlights: 0, codes: ['SFO', 'IND', 'PHX', 'ELP'] }) };

describe('wall-clock time in a named zone', () => {
  it.each([
    ['America/Los_Angeles', '2001-03-01T08:00:00', '2001-03-01T16:00:00'], // PST
    ['America/Los_Angeles', '2001-06-01T08:00:00', '2001-06-01T15:00:00'], // PDT
    ['America/Indiana/Indianapolis', '2001-06-01T08:00:00', '2001-06-01T13:00:00'], // EST all year in 2001
    ['America/Phoenix', '2001-06-01T08:00:00', '2001-06-01T15:00:00'],
    ['America/New_York', '2001-04-01T03:30:00', '2001-04-01T07:30:00'], // the first hour of DST in 2001
    ['America/New_York', '2001-04-01T01:30:00', '2001-04-01T06:30:00'], // the last hour before it
    ['Pacific/Honolulu', '2001-01-15T23:00:00', '2001-01-16T09:00:00'],
  ])('%s %s is %s UTC, by the 2001 rules of the tz database', (zone, local, utc) => {
    expect(new Date(wallClockToInstant(wall(local), zone)).toISOString()).toBe(`${utc}.000Z`);
  });

  it('knows every zone of the airport table', () => {
    const zones = [...new Set(Object.values(AIRPORT_TIME_ZONES))];
    expect(zones.filter((zone) => !isKnownZone(zone))).toEqual([]);
    expect(Object.keys(AIRPORT_TIME_ZONES)).toHaveLength(229);
    expect(AIRPORT_TIME_ZONES).toMatchObject({
      ELP: 'America/Denver',
      PNS: 'America/Chicago',
      EVV: 'America/Chicago',
      IND: 'America/Indiana/Indianapolis',
      RAP: 'America/Denver',
      MQT: 'America/Detroit',
    });
  });
});

describe('the departure-hour-utc serving variant', () => {
  const correct = servingPipeline(flightsV1Spec, tables);
  const buggy = servingPipeline(flightsV1Spec, tables, DEPARTURE_HOUR_UTC);
  const record = (origin: string, date: string) => ({ date, origin, destination: 'SFO', distance: 500 });

  it('takes the UTC hour of the departure where the spec takes the local one, and nothing else changes', () => {
    expect(buggy.variant).toBe(DEPARTURE_HOUR_UTC);
    expect(buggy.fields).toEqual(['distance', 'date', 'origin', 'destination']);
    const at = (origin: string, date: string) => [correct.featuresOf(record(origin, date)), buggy.featuresOf(record(origin, date))].map((f) => Array.from(f));
    // distance, dep_hour, dep_weekday, origin_index, destination_index
    expect(at('SFO', '2001-03-01 08:05:00')).toEqual([
      [500, 8, 3, 1, 1],
      [500, 16, 3, 1, 1],
    ]);
    expect(at('IND', '2001-06-01 08:05:00')).toEqual([
      [500, 8, 4, 2, 1],
      [500, 13, 4, 2, 1],
    ]);
    // After 16:00 in San Francisco it is the next day in UTC: the hour wraps; the weekday is still the local one.
    expect(at('SFO', '2001-03-01 20:30:00')).toEqual([
      [500, 20, 3, 1, 1],
      [500, 4, 3, 1, 1],
    ]);
    // An airport the zone table does not know is taken as UTC, so its hour does not move.
    expect(at('XXX', '2001-03-01 20:30:00')).toEqual([
      [500, 20, 3, 0, 1],
      [500, 20, 3, 0, 1],
    ]);
  });

  it('is refused, with the variants the spec has, when a scenario names one that does not exist', () => {
    expect(() => servingPipeline(flightsV1Spec, tables, 'hour-in-utc')).toThrow(
      'feature spec flights-v1 has no serving variant "hour-in-utc"; it has: departure-hour-utc',
    );
  });
});
