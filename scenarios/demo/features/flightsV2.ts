/** Green's features (flights-v2): blue's five and the route's historical delay rate. */
import type { FeatureSpec, ServingTables } from '../../../src-main/engine/common/features/featureSpec';
import { DEPARTURE_HOUR_UTC, departureHourUtc } from './departureHourUtc';
import { depHour, depWeekday, destinationIndex, distance, originIndex, routeDelayRate } from './flightsFeatures';
import { airportLookup, routeDelayLookup, type RouteDelayLookup } from './flightsTables';
import { airportRelation } from './flightsV1';

export const flightsV2Spec: FeatureSpec = {
  id: 'flights-v2',
  tables: ['airports', 'route_delay'],
  features: [distance, depHour, depWeekday, originIndex, destinationIndex, routeDelayRate],
  prepareTables: (raw) => ({ airports: airportLookup(raw['airports']), route_delay: routeDelayLookup(raw['route_delay']) }),
  relations: (tables) => ({ airports: airportRelation(tables), route_delay: routeDelayRelation(tables) }),
  servingVariants: { [DEPARTURE_HOUR_UTC]: departureHourUtc },
};

/** The route delay table as a relation (route, week, rate). */
function routeDelayRelation(tables: ServingTables) {
  const { table } = tables['route_delay'] as RouteDelayLookup;
  return {
    columns: [
      { name: 'route', type: 'VARCHAR' },
      { name: 'week', type: 'BIGINT' },
      { name: 'rate', type: 'DOUBLE' },
    ],
    rows: Object.entries(table.rates).flatMap(([route, rates]) => rates.map((rate, week) => [route, week, rate])),
  } as const;
}

/** The module's default export: the spec, as a model card's `featureModule` names it. */
export default flightsV2Spec;
