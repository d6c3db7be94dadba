/** Registers a query's lookup relations (SqlRelation) as DuckDB temporary tables, through the appender. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlRelation } from '../../common/ports/snapshot';
import { sqlIdentifier } from './database';

/** Creates (or replaces) one temporary table per relation, named exactly as the SQL refers to it. */
export async function registerRelations(connection: DuckDBConnection, relations: Readonly<Record<string, SqlRelation>>): Promise<void> {
  for (const [name, relation] of Object.entries(relations)) {
    const columns = relation.columns.map((c) => `${sqlIdentifier(c.name)} ${c.type}`).join(', ');
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdentifier(name)} (${columns})`);
    const appender = await connection.createAppender(name, 'main', 'temp');
    try {
      for (const row of relation.rows) {
        relation.columns.forEach((column, j) => {
          const value = row[j];
          if (column.type === 'VARCHAR') {
            appender.appendVarchar(String(value));
          } else if (column.type === 'BIGINT') {
            appender.appendBigInt(BigInt(value as number));
          } else {
            appender.appendDouble(value as number);
          }
        });
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }
}
