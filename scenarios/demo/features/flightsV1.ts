/** Blue's features (flights-v1): distance, local hour and weekday, origin and destination encodings. */
import type { FeatureSpec, ServingTables } from '../../../src-main/engine/common/features/featureSpec';
import { DEPARTURE_HOUR_UTC, departureHourUtc } from './departureHourUtc';
import { depHour, depWeekday, destinationIndex, distance, originIndex } from './flightsFeatures';
import { airportLookup, type AirportLookup } from './flightsTables';

export const flightsV1Spec: FeatureSpec = {
  id: 'flights-v1',
  tables: ['airports'],
  features: [distance, depHour, depWeekday, originIndex, destinationIndex],
  prepareTables: (raw) => ({ airports: airportLookup(raw['airports']) }),
  relations: (tables) => ({ airports: airportRelation(tables) }),
  servingVariants: { [DEPARTURE_HOUR_UTC]: departureHourUtc },
};

/** The airport encoding as a relation (code, idx). */
export function airportRelation(tables: ServingTables) {
  const { table } = tables['airports'] as AirportLookup;
  return {
    columns: [
      { name: 'code', type: 'VARCHAR' },
      { name: 'idx', type: 'BIGINT' },
    ],
    rows: table.codes.map((code, i) => [code, i + 1]),
  } as const;
}

/** The module's default export: the spec, as a model card's `featureModule` names it. */
export default flightsV1Spec;
