/**
 * The embedded DuckDB every snapshot is read through. Production data stays on the machine:
 * automatic extension download and loading are off (the readers used here are built in), and
 * time zones are pinned to UTC so no reading depends on the machine's zone.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** Opens an in-memory database with the product's safe settings. */
export async function openDatabase(): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await instance.connect();
  // TimeZone belongs to the ICU extension, so it is set once connected rather than at creation.
  await connection.run("SET TimeZone = 'UTC'");
  return { instance, connection };
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A SQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
