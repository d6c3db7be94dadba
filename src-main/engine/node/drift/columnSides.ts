/**
 * Reads the sides drift compares straight out of DuckDB, without a JS object per row:
 * counts in one aggregate query per input, numeric values as a Float64Array already sorted by
 * DuckDB (or, when there are few distinct values, as value/count pairs from a GROUP BY, which
 * is also what makes ties cheap), categories as category/count pairs.
 */
import { DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import type { CategorySide } from '../../common/drift/categorySide';
import type { NumericSide } from '../../common/drift/numericSide';
import { countsFromPairs } from '../../common/stats/categoryCounts';
import { runLength } from '../../common/stats/sortedSample';
import { sqlIdentifier } from '../duckdb/database';

/** A feature to read: its name and the SQL expression of its value (or key) on this input. */
export interface FeatureSql {
  readonly name: string;
  /** The stored column (nulls are counted on it). */
  readonly column: string;
  readonly expression: string;
}

// The first rows of an input, enough to tell a column of few values (GROUP BY pays) from a
// continuous one (sorting every row pays); the choice changes only the speed, never a result.
const SAMPLE_ROWS = 65_536;
const GROUP_BY_MAX_SAMPLE_DISTINCT = SAMPLE_ROWS / 8;

/** Numeric sides of `features` on one registered input. */
export async function readNumericSides(connection: DuckDBConnection, table: string, features: readonly FeatureSql[]): Promise<Map<string, NumericSide>> {
  const sides = new Map<string, NumericSide>();
  if (features.length === 0) {
    return sides;
  }
  const from = sqlIdentifier(table);
  const select = ['count(*)::DOUBLE'];
  const inner: string[] = [];
  features.forEach((f, k) => {
    inner.push(`${sqlIdentifier(f.column)} AS c${k}`, `${f.expression} AS v${k}`);
    select.push(`count(c${k})::DOUBLE`, `count(v${k})::DOUBLE`, `count(*) FILTER (WHERE isnan(v${k}))::DOUBLE`, `count(*) FILTER (WHERE isinf(v${k}))::DOUBLE`);
  });
  const counted = await connection.runAndReadAll(`SELECT ${select.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${from})`);
  const row = (counted.getRows()[0] ?? []).map(Number);
  const rows = row[0] ?? 0;
  const sampled = await sampleDistinct(
    connection,
    table,
    features.map((f) => f.expression),
  );
  for (const [k, f] of features.entries()) {
    const [nonNull = 0, parsed = 0, nan = 0, infinity = 0] = row.slice(1 + 4 * k, 5 + 4 * k);
    const values = `SELECT ${f.expression} AS v FROM ${from}`;
    const sample =
      (sampled[k] ?? 0) <= GROUP_BY_MAX_SAMPLE_DISTINCT
        ? await readPairs(connection, `SELECT v, count(*)::DOUBLE FROM (${values}) WHERE isfinite(v) GROUP BY v ORDER BY v`)
        : runLength(await readColumn(connection, `SELECT v FROM (${values}) WHERE isfinite(v) ORDER BY v`, parsed - nan - infinity), null);
    sides.set(f.name, { sample, rows, leftOut: { null: rows - nonNull, nan, infinity, notNumeric: nonNull - parsed } });
  }
  return sides;
}

/** Distinct values of each expression among an input's first rows. */
async function sampleDistinct(connection: DuckDBConnection, table: string, expressions: readonly string[]): Promise<number[]> {
  const inner = expressions.map((e, k) => `${e} AS s${k}`).join(', ');
  const counts = expressions.map((_, k) => `count(DISTINCT s${k})::DOUBLE`).join(', ');
  const result = await connection.runAndReadAll(`SELECT ${counts} FROM (SELECT ${inner} FROM ${sqlIdentifier(table)} LIMIT ${SAMPLE_ROWS})`);
  return (result.getRows()[0] ?? []).map(Number);
}

/** Category sides of `features` on one registered input. */
export async function readCategorySides(connection: DuckDBConnection, table: string, features: readonly FeatureSql[]): Promise<Map<string, CategorySide>> {
  const sides = new Map<string, CategorySide>();
  const from = sqlIdentifier(table);
  for (const f of features) {
    const result = await connection.runAndReadAll(`SELECT k, count(*)::DOUBLE FROM (SELECT ${f.expression} AS k FROM ${from}) GROUP BY k`);
    const pairs: [string, number][] = [];
    let nulls = 0;
    let rows = 0;
    for (const [key, count] of result.getRows()) {
      rows += Number(count);
      if (key === null) {
        nulls += Number(count);
      } else {
        pairs.push([String(key), Number(count)]);
      }
    }
    sides.set(f.name, { counts: countsFromPairs(pairs), rows, nulls });
  }
  return sides;
}

/**
 * Distinct non-null values of each column, exact up to `limit` and otherwise only known to be
 * more: the first rows are counted, and only a column with few values there is counted in full
 * (a subset never has more distinct values than the whole).
 */
export async function distinctUpTo(connection: DuckDBConnection, table: string, columns: readonly string[], limit: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (columns.length === 0) {
    return counts;
  }
  const sampled = await sampleDistinct(
    connection,
    table,
    columns.map((c) => sqlIdentifier(c)),
  );
  const small = columns.filter((_, k) => (sampled[k] ?? 0) <= limit);
  columns.forEach((c, k) => counts.set(c, sampled[k] ?? 0));
  if (small.length > 0) {
    const exact = await connection.runAndReadAll(
      `SELECT ${small.map((c) => `count(DISTINCT ${sqlIdentifier(c)})::DOUBLE`).join(', ')} FROM ${sqlIdentifier(table)}`,
    );
    (exact.getRows()[0] ?? []).forEach((v, k) => counts.set(small[k]!, Number(v)));
  }
  return counts;
}

/**
 * One DOUBLE column without nulls into a typed array: each 2048-row vector is copied in one
 * `set` from DuckDB's own buffer (the C API's duckdb_vector_get_data), not value by value.
 */
async function readColumn(connection: DuckDBConnection, sql: string, expected: number): Promise<Float64Array> {
  const result = await connection.stream(sql);
  let out = new Float64Array(Math.max(expected, 0));
  let k = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) {
      break;
    }
    const n = chunk.rowCount;
    if (chunk.getColumnVector(0).type.typeId !== DuckDBTypeId.DOUBLE) {
      throw new Error(`readColumn: expected a DOUBLE column from ${sql}`);
    }
    if (k + n > out.length) {
      const grown = new Float64Array(Math.max(out.length * 2, k + n));
      grown.set(out.subarray(0, k));
      out = grown;
    }
    const vector = duckdb.data_chunk_get_vector(chunk.chunk, 0);
    const bytes = duckdb.vector_get_data(vector, n * Float64Array.BYTES_PER_ELEMENT);
    const aligned = bytes.byteOffset % Float64Array.BYTES_PER_ELEMENT === 0 ? bytes : bytes.slice();
    out.set(new Float64Array(aligned.buffer, aligned.byteOffset, n), k);
    k += n;
  }
  return out.subarray(0, k);
}

/** (value, count) rows, ascending by value, as a run-length sample. */
async function readPairs(connection: DuckDBConnection, sql: string) {
  const result = await connection.stream(sql);
  const values: number[] = [];
  const counts: number[] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) {
      break;
    }
    const v = chunk.getColumnVector(0);
    const c = chunk.getColumnVector(1);
    for (let i = 0; i < chunk.rowCount; i++) {
      values.push(v.getItem(i) as number);
      counts.push(c.getItem(i) as number);
    }
  }
  return runLength(Float64Array.from(values), counts);
}
