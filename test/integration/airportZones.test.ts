/**
 * The committed airport -> time zone table is what its rules give from vega-datasets' airports.csv
 * (scripts/build-airport-zones.ts), and every airport the flights use has one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { airportTimeZonesModule, readAirportZones } from '../../scripts/demo/airportZones';
import { AIRPORT_ZONES, airportZones, SPLIT_STATES } from '../../scripts/demo/airportZoneRules';
import { ROOT } from '../support/paths';

describe('the airport time-zone table', () => {
  it('is the one the rules derive from airports.csv, for every airport of the flights', async () => {
    const zones = await readAirportZones(ROOT);
    expect(Object.keys(zones)).toHaveLength(229);
    expect(readFileSync(join(ROOT, 'scenarios/demo/features/airportTimeZones.ts'), 'utf8')).toBe(airportTimeZonesModule(zones));
  });

  it('refuses to guess the zone of an airport in a state that spans two zones', () => {
    expect(() =>
      airportZones(
        [
          { iata: 'AMA', state: 'TX' },
          { iata: 'XYZ', state: 'TX' },
        ],
        ['XYZ'],
      ),
    ).toThrow('airport XYZ (state TX) needs its zone assigned by hand in AIRPORT_ZONES');
    expect(airportZones([{ iata: 'XYZ', state: 'CA' }], ['XYZ'])).toEqual({ XYZ: 'America/Los_Angeles' });
    expect(SPLIT_STATES).toContain('TX');
    expect(AIRPORT_ZONES['ELP']).toMatchObject({ zone: 'America/Denver' });
  });
});
