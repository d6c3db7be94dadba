/** The one-line summary `rehearse validate` prints and the scenario library shows. */
import { enabledPhases } from '../run/phases';
import type { Scenario } from './schema';

/**
 * e.g. `smoke: blue smoke-v1, green -, snapshot flights.parquet (2001-03-01 to 2001-03-04); phases preflight, score`,
 * and `; drill of 2 stops` when the scenario carries one (`rehearse drill` plays it on the run's log).
 */
export function describeScenario(scenario: Scenario, baseName: (path: string) => string): string {
  const { models, snapshots } = scenario;
  const production = snapshots.production;
  const window = production.from !== undefined || production.to !== undefined ? ` (${day(production.from)} to ${day(production.to)})` : '';
  const blue = models.blue.name ?? baseName(models.blue.path);
  const green = models.green ? (models.green.name ?? baseName(models.green.path)) : '-';
  return `${scenario.name}: blue ${blue}, green ${green}, snapshot ${baseName(production.path)}${window}; phases ${enabledPhases(scenario).join(', ')}${drill(scenario)}`;
}

function day(ms: number | undefined): string {
  return ms === undefined ? '...' : new Date(ms).toISOString().slice(0, 10);
}

function drill(scenario: Scenario): string {
  const stops = scenario.drill?.stops.length;
  return stops === undefined ? '' : `; drill of ${stops} ${stops === 1 ? 'stop' : 'stops'}`;
}
