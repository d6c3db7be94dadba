/**
 * Writes scenarios/demo/features/airportTimeZones.ts: the IANA time zone of every
 * airport the demo's flights use, derived from vega-datasets' data/airports.csv by the rules of
 * scripts/demo/airportZoneRules.ts (committed; run again only when the rules change).
 * Usage: npx tsx scripts/build-airport-zones.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src-main/engine/node/run/projectRoot';
import { airportTimeZonesModule, readAirportZones } from './demo/airportZones';

const root = projectRoot();
const zones = await readAirportZones(root);
const out = join(root, 'scenarios/demo/features/airportTimeZones.ts');
writeFileSync(out, airportTimeZonesModule(zones));
process.stdout.write(`${Object.keys(zones).length} airports, ${new Set(Object.values(zones)).size} zones: ${out}\n`);
