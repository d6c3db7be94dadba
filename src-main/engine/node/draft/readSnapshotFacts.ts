/**
 * What `rehearse init` needs of a snapshot, read through DuckDB: its columns, the event-time
 * column, the time grain and the rows in every hour; and whether a label expression binds over
 * its columns. A missing timestamp column or a label DuckDB cannot bind is an InputError naming
 * the flag.
 */
import { relative, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SnapshotFacts, TimeGrain } from '../../common/draft/draftFacts';
import { InputError } from '../../common/run/inputError';
import { openDatabase, sqlIdentifier } from '../duckdb/database';
import { firstLine, formatReader, snapshotFiles } from '../duckdb/snapshotFormats';
import { confineToFiles } from '../workspace/duckdbConfinement';

const TIME_TYPES = /^(TIMESTAMP|DATE)/;
const TIME_NAMES = /(time|date|_at)$|^(ts|when)$/i;

/** Reads the snapshot; `timestamp` and `label` are the flags', when given. */
export async function readSnapshotFacts(
  path: string,
  options: { readonly timestamp?: string; readonly label?: string; readonly scenarioFolder: string },
): Promise<SnapshotFacts> {
  const { instance, connection } = await openDatabase();
  try {
    const files = await snapshotFiles(connection, path, 'production');
    await confineToFiles(connection, files);
    const reader = await formatReader(connection, { path }, files).catch((error: unknown) => {
      throw error instanceof InputError ? error : new InputError(path, `cannot be read: ${firstLine(error)}`);
    });
    const { timestamp, reason } = timestampOf(reader.columns, options.timestamp, path);
    const time = `CAST(${sqlIdentifier(timestamp)} AS TIMESTAMP)`;
    const counted = await rows(
      connection,
      `SELECT epoch_ms(date_trunc('hour', ${time}))::DOUBLE AS hour, count(*)::DOUBLE AS n FROM ${reader.rows} WHERE ${sqlIdentifier(timestamp)} IS NOT NULL GROUP BY 1 ORDER BY 1`,
      '--timestamp',
      `"${timestamp}" cannot be read as event times`,
    );
    const hours = counted.map((r) => ({ hour: Number(r['hour']), rows: Number(r['n']) }));
    if (hours.length === 0) {
      throw new InputError(path, `no row has an event time in "${timestamp}"`);
    }
    const grain = await grainOf(connection, reader.rows, time);
    if (options.label !== undefined) {
      await rows(
        connection,
        `SELECT (${options.label}) AS label FROM ${reader.rows} LIMIT 0`,
        '--label',
        `"${options.label}" is not a SQL expression over the columns of ${path}`,
      );
    }
    return {
      path: relative(options.scenarioFolder, resolve(path)),
      columns: reader.columns,
      timestamp,
      timestampReason: reason,
      grain,
      rows: hours.reduce((sum, h) => sum + h.rows, 0),
      hours,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function timestampOf(columns: readonly { name: string; type: string }[], given: string | undefined, path: string): { timestamp: string; reason: string } {
  const listed = columns.map((c) => `${c.name} ${c.type}`).join(', ');
  if (given !== undefined) {
    if (!columns.some((c) => c.name === given)) {
      throw new InputError('--timestamp', `expected a column of ${path}; "${given}" is not one of: ${listed}`);
    }
    return { timestamp: given, reason: 'given by --timestamp' };
  }
  const times = columns.filter((c) => TIME_TYPES.test(c.type));
  const named = times.filter((c) => TIME_NAMES.test(c.name));
  const chosen = times.length === 1 ? times[0] : named.length === 1 ? named[0] : undefined;
  if (chosen === undefined) {
    throw new InputError(
      '--timestamp',
      times.length === 0
        ? `no timestamp column in ${path}: expected a TIMESTAMP or DATE column, found ${listed}; name the event-time column with --timestamp`
        : `${path} has several time columns (${times.map((c) => c.name).join(', ')}); name the event-time one with --timestamp`,
    );
  }
  return {
    timestamp: chosen.name,
    reason: times.length === 1 ? `the snapshot's only ${chosen.type} column` : `the ${chosen.type} column named like an event time, of ${times.length}`,
  };
}

/** The largest of day, hour, minute and second every event time is a whole multiple of. */
async function grainOf(connection: DuckDBConnection, table: string, time: string): Promise<TimeGrain> {
  const units = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1_000 } as const;
  const checks = Object.entries(units).map(([name, ms]) => `bool_and(epoch_ms(${time}) % ${ms} = 0) AS ${name}`);
  const [row] = await rows(connection, `SELECT ${checks.join(', ')} FROM ${table} WHERE ${time} IS NOT NULL`, '--timestamp', 'cannot read its time grain');
  const grain = (Object.keys(units) as (keyof typeof units)[]).find((name) => row?.[name] === true);
  return grain ?? 'sub-second';
}

async function rows(connection: DuckDBConnection, sql: string, field: string, problem: string): Promise<Record<string, unknown>[]> {
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } catch (error) {
    throw new InputError(field, `${problem}: ${firstLine(error)}`);
  }
}
