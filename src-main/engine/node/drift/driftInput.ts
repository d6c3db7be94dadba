/**
 * One input of `rehearse drift`: any file (or glob) DuckDB reads, through the same format readers
 * as snapshots (`duckdb/snapshotFormats.ts`), so rows that cannot be read are counted with their
 * file and line rather than dropped unseen. Registered once in the database so each statistic's
 * query reads it without parsing it again: Parquet as a view (columnar: a query reads only its
 * columns), CSV and JSON lines parsed once into a table.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, statSync } from 'node:fs';
import type { RejectSummary } from '../../common/ports/snapshot';
import { InputError, isInputError } from '../../common/run/inputError';
import type { DamagedColumn } from '../duckdb/csvLayout';
import { sqlIdentifier } from '../duckdb/database';
import { firstLine, formatReader, isGlob, snapshotFiles, snapshotFormat, type SnapshotFormat } from '../duckdb/snapshotFormats';

/** A registered input: its table name, columns, row count and the rows that could not be read. */
export interface DriftInput {
  /** The path as the user gave it, and the flag that gave it. */
  readonly file: string;
  readonly flag: string;
  /** The SQL name it is registered under. */
  readonly table: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: number;
  readonly rejects: RejectSummary;
  /** Numeric columns with a few values that are not numbers, with the first lines of those. */
  readonly damaged: readonly DamagedColumn[];
}

/** Registers `file` as `table`; a missing or unreadable file is an InputError naming the flag. */
export async function openDriftInput(connection: DuckDBConnection, file: string, table: string, flag: string): Promise<DriftInput> {
  const where = `${flag} ${file}`;
  if (!isGlob(file) && !existsSync(file)) {
    throw new InputError(where, 'file not found');
  }
  if (!isGlob(file) && statSync(file).isDirectory()) {
    throw new InputError(where, 'expected a file (Parquet, CSV or JSON lines), found a folder');
  }
  let format: SnapshotFormat;
  try {
    format = snapshotFormat({ path: file });
  } catch {
    throw new InputError(where, 'expected a .parquet, .csv (.tsv, .csv.gz) or .jsonl (.ndjson, .json) file');
  }
  try {
    const files = await snapshotFiles(connection, file, table);
    const reader = await formatReader(connection, { path: file, format }, files, { purpose: 'columns' });
    await reader.beforeRead(connection);
    const name = sqlIdentifier(table);
    const select = `SELECT ${reader.columns.map((c) => sqlIdentifier(c.name)).join(', ')} FROM ${reader.rows}`;
    await connection.run(format === 'parquet' ? `CREATE VIEW ${name} AS ${select}` : `CREATE TEMP TABLE ${name} AS ${select}`);
    const counted = await connection.runAndReadAll(`SELECT count(*)::DOUBLE FROM ${name}`);
    return {
      file,
      flag,
      table,
      columns: reader.columns,
      rows: Number(counted.getRows()[0]?.[0] ?? 0),
      rejects: await reader.rejects(connection),
      damaged: reader.damaged ?? [],
    };
  } catch (error) {
    if (isInputError(error)) {
      // The format readers speak of scenario fields; here the file came from a flag.
      throw new InputError(where, error.problem.replace(/ \(snapshots\.[^)]*\)$/, ''));
    }
    throw new InputError(where, `cannot be read as ${format}: ${firstLine(error)}`);
  }
}
