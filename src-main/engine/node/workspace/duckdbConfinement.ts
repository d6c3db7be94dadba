/**
 * DuckDB confined to the files a snapshot names. A scenario's label and derived features are SQL
 * expressions, and DuckDB's SQL can read any file (`(SELECT content FROM read_text('/etc/passwd'))`)
 * or write one (`COPY`): a scenario would read around its workspace. Once the snapshot's files are
 * listed (and checked against the workspace), the connection may touch only them and DuckDB's own
 * spill folder, and the setting is locked so no SQL can undo it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { resolve, sep } from 'node:path';
import { sqlString } from '../duckdb/database';

/** From now on the connection reads only `files` (as they are named to it) and spills only to its temp folder. */
export async function confineToFiles(connection: DuckDBConnection, files: readonly string[]): Promise<void> {
  const setting = await connection.runAndReadAll("SELECT current_setting('temp_directory') AS folder");
  const spill = resolve(String(setting.getRowObjectsJson()[0]?.['folder'] ?? '.tmp'));
  await connection.run(`SET allowed_paths = [${files.map(sqlString).join(', ')}]`);
  await connection.run(`SET allowed_directories = [${sqlString(`${spill}${sep}`)}]`);
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');
}
