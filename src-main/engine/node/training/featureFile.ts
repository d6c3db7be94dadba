/**
 * A training-features file: the raw rows' kept columns beside each model's input features, as
 * its training SQL computes them, one Parquet file in event-time order. What a team keeps from
 * training; a scenario can replay it column by column (`models.<side>.inputs`) before the
 * model's serving pipeline exists.
 */
import { openDatabase, sqlIdentifier, sqlString } from '../duckdb/database';
import { lookupJoins, registerRelations } from '../duckdb/relations';
import type { MatrixQuery } from './featureMatrix';

/** One model's features, written as `<prefix><feature>`; its query's relations and lookups must be namespaced apart from the others'. */
export interface FeatureFileModel {
  readonly prefix: string;
  readonly query: MatrixQuery;
}

/** Writes `out` from the Parquet file `raw` (ordered by `timestamp`, then stored order) and returns its row count. */
export async function writeFeatureFile(
  raw: { readonly path: string; readonly timestamp: string; readonly keep: readonly string[] },
  models: readonly FeatureFileModel[],
  out: string,
): Promise<number> {
  const { instance, connection } = await openDatabase();
  try {
    // One thread: the same input gives the same file.
    await connection.run('SET threads = 1');
    let joins = '';
    for (const { query } of models) {
      await registerRelations(connection, query.relations ?? {});
      joins += await lookupJoins(connection, query.joins ?? []);
    }
    const select = [
      ...raw.keep.map(sqlIdentifier),
      ...models.flatMap(({ prefix, query }) =>
        query.names.map((name) => `(${query.sql[name] ?? sqlIdentifier(name)}) AS ${sqlIdentifier(`${prefix}${name}`)}`),
      ),
    ];
    await connection.run(
      `COPY (SELECT ${select.join(', ')} FROM read_parquet(${sqlString(raw.path)}, file_row_number = true) AS __snapshot${joins}
             ORDER BY ${sqlIdentifier(raw.timestamp)}, __snapshot.file_row_number)
       TO ${sqlString(out)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 20000)`,
    );
    const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${sqlString(out)})`);
    return Number(counted.getRowObjectsJson()[0]!['n']);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
