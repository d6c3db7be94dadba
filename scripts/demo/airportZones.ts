/**
 * Reads the demo's airports and their states with DuckDB and renders the committed zone table
 * (scripts/build-airport-zones.ts writes it; a test checks that the committed one is what this gives).
 */
import { join } from 'node:path';
import { openDatabase, sqlString } from '../../src-main/engine/node/duckdb/database';
import { airportZones } from './airportZoneRules';

/** Every airport of the flights (origin or destination) with its zone. */
export async function readAirportZones(root: string): Promise<Record<string, string>> {
  const data = join(root, 'node_modules/vega-datasets/data');
  const { instance, connection } = await openDatabase();
  try {
    const flights = sqlString(join(data, 'flights-3m.parquet'));
    const codes = await connection.runAndReadAll(
      `SELECT DISTINCT code FROM (SELECT origin AS code FROM ${flights} UNION ALL SELECT destination FROM ${flights}) ORDER BY code`,
    );
    // nullstr: airports.csv writes "NA" where it has no state (Marquette, MI).
    const airports = await connection.runAndReadAll(
      `SELECT iata, state FROM read_csv(${sqlString(join(data, 'airports.csv'))}, all_varchar = true, nullstr = 'NA')`,
    );
    return airportZones(
      airports.getRowObjectsJson().map((row) => ({ iata: String(row['iata']), state: row['state'] === null ? null : String(row['state']) })),
      codes.getRowObjectsJson().map((row) => String(row['code'])),
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The TypeScript module the engine imports. */
export function airportTimeZonesModule(zones: Readonly<Record<string, string>>): string {
  const lines = Object.entries(zones).map(([code, zone]) => `  ${code}: '${zone}',`);
  return `/**
 * The IANA time zone of every airport in the demo's flights (vega-datasets flights-3m), written by
 * \`npx tsx scripts/build-airport-zones.ts\` from vega-datasets' data/airports.csv: the zone of the
 * airport's state, and for states that span two zones the airport's own (by county), as listed
 * with reasons in scripts/demo/airportZoneRules.ts. Generated: edit the rules, not this file.
 */
export const AIRPORT_TIME_ZONES: Readonly<Record<string, string>> = {
${lines.join('\n')}
};
`;
}
