/** A query's lookup relations: registered as DuckDB temporary tables (through the appender) and joined. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LookupJoin, SqlRelation } from '../../common/ports/snapshot';
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

/**
 * The LEFT JOIN clauses of the lookups, each relation's columns renamed `<alias>.<column>` so
 * they never collide with the snapshot's. A relation whose keys repeat would duplicate snapshot
 * rows, so it is refused first.
 */
export async function lookupJoins(connection: DuckDBConnection, joins: readonly LookupJoin[]): Promise<string> {
  const clauses: string[] = [];
  for (const join of joins) {
    const keys = Object.keys(join.on);
    const counted = await connection.runAndReadAll(
      `SELECT count(*) AS n, count(DISTINCT (${keys.map(sqlIdentifier).join(', ')})) AS d FROM ${sqlIdentifier(join.relation)}`,
    );
    const row = counted.getRowObjectsJson()[0]!;
    if (Number(row['n']) !== Number(row['d'])) {
      throw new Error(`relation ${join.relation} has ${Number(row['n']) - Number(row['d'])} repeated keys (${keys.join(', ')}); a lookup needs unique keys`);
    }
    const renamed = [...new Set([...keys, ...join.columns])].map((c) => `${sqlIdentifier(c)} AS ${sqlIdentifier(`${join.alias}.${c}`)}`);
    const on = keys.map((k) => `${sqlIdentifier(`${join.alias}.${k}`)} = (${join.on[k]})`).join(' AND ');
    clauses.push(` LEFT JOIN (SELECT ${renamed.join(', ')} FROM ${sqlIdentifier(join.relation)}) AS ${sqlIdentifier(join.alias)} ON ${on}`);
  }
  return clauses.join('');
}
