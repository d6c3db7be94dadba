/**
 * One input of `rehearse drift`: any file DuckDB reads (Parquet, CSV, JSON lines), registered
 * once in the database so each statistic's query reads it without parsing it again. Parquet is
 * a view (columnar: a query reads only its columns); CSV and JSON are parsed once into a table.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, statSync } from 'node:fs';
import { InputError } from '../../common/run/inputError';
import { sqlIdentifier } from '../duckdb/database';
import { readerSql, snapshotFormat } from '../duckdb/snapshotReader';

/** A registered input: its table name, columns and row count. */
export interface DriftInput {
  /** The path as the user gave it. */
  readonly file: string;
  /** The SQL name it is registered under. */
  readonly table: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: number;
}

/** Registers `file` as `table`; a missing or unreadable file is an InputError naming the flag. */
export async function openDriftInput(connection: DuckDBConnection, file: string, table: string, flag: string): Promise<DriftInput> {
  if (!/[*?[]/.test(file) && !existsSync(file)) {
    throw new InputError(`${flag} ${file}`, 'file not found');
  }
  if (!/[*?[]/.test(file) && statSync(file).isDirectory()) {
    throw new InputError(`${flag} ${file}`, 'expected a file (Parquet, CSV or JSON lines), found a folder');
  }
  let format: ReturnType<typeof snapshotFormat>;
  try {
    format = snapshotFormat({ path: file });
  } catch {
    throw new InputError(`${flag} ${file}`, 'expected a .parquet, .csv (.tsv, .csv.gz) or .jsonl (.ndjson, .json) file');
  }
  const name = sqlIdentifier(table);
  try {
    const reader = readerSql({ path: file, format });
    await connection.run(format === 'parquet' ? `CREATE VIEW ${name} AS SELECT * FROM ${reader}` : `CREATE TEMP TABLE ${name} AS SELECT * FROM ${reader}`);
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${name}`);
    const columns = described.getRowObjectsJson().map((row) => ({ name: String(row['column_name']), type: String(row['column_type']) }));
    const counted = await connection.runAndReadAll(`SELECT count(*)::DOUBLE FROM ${name}`);
    return { file, table, columns, rows: Number(counted.getRows()[0]?.[0] ?? 0) };
  } catch (error) {
    throw new InputError(`${flag} ${file}`, `cannot be read as ${format}: ${firstLine(error)}`);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
