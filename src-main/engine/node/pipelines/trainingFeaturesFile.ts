/**
 * A training-features file (Parquet or CSV: what a team keeps from training, one row per example
 * with its id and its feature values) read into a relation the training SQL joins by id. The ids
 * are compared as text, so an integer id in the file meets the same integer in the snapshot
 * whatever width either stores it in.
 */
import type { SqlRelation } from '../../common/ports/snapshot';
import { InputError } from '../../common/run/inputError';
import { openDatabase, sqlIdentifier, sqlString } from '../duckdb/database';

/** The relation's name in the training SQL. */
export const TRAINING_RELATION = 'training_features';

/** The file's id columns (as text) and feature columns (as DOUBLE, NaN for null); an InputError names the file and column. */
export async function readTrainingFeatures(path: string, ids: readonly string[], columns: readonly string[], cardPath: string): Promise<SqlRelation> {
  const reader = /\.csv$/i.test(path) ? `read_csv(${sqlString(path)})` : /\.parquet$/i.test(path) ? `read_parquet(${sqlString(path)})` : null;
  if (reader === null) {
    throw new InputError(cardPath, `pipeline.training.file: expected a .parquet or .csv file, found "${path}"`);
  }
  const { instance, connection } = await openDatabase();
  try {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`).catch((error: unknown) => {
      throw new InputError(path, `cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    });
    const present = described.getRowObjectsJson().map((row) => String(row['column_name']));
    const unique = [...new Set(columns)];
    for (const [field, names] of [
      ['pipeline.training.id', ids],
      ['pipeline.training.columns', unique],
    ] as const) {
      const absent = names.filter((name) => !present.includes(name));
      if (absent.length > 0) {
        throw new InputError(cardPath, `${field}: ${absent.map((n) => `"${n}"`).join(', ')} not in ${path}; its columns: ${present.join(', ')}`);
      }
    }
    const select = [...ids.map((id) => `CAST(${sqlIdentifier(id)} AS VARCHAR)`), ...unique.map((c) => `CAST(${sqlIdentifier(c)} AS DOUBLE)`)];
    const result = await connection.runAndReadAll(`SELECT ${select.join(', ')} FROM ${reader}`);
    const rows = result.getRows().map((row) => row.map((value, j) => (j < ids.length ? String(value) : value === null ? Number.NaN : Number(value))));
    return {
      columns: [...ids.map((name) => ({ name, type: 'VARCHAR' as const })), ...unique.map((name) => ({ name, type: 'DOUBLE' as const }))],
      rows,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
