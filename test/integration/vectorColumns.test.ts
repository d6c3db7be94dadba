/**
 * DuckDB vectors read in bulk (vectorColumns.ts) give what reading value by value gives: every
 * numeric width, 64-bit integers past 2^32 and below zero, dates and timestamps as epoch ms,
 * nulls, short interned strings and long ones behind a pointer, and rows after leading nulls.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ColumnChunk } from '../../src-main/engine/common/ports/snapshot';
import { chunkKindOf } from '../../src-main/engine/common/snapshot/columnTypes';
import { toColumnChunk } from '../../src-main/engine/node/duckdb/columnChunk';
import { openDatabase } from '../../src-main/engine/node/duckdb/database';
import { openSnapshot } from '../../src-main/engine/node/duckdb/snapshotReader';
import { tempDir } from '../support/paths';

const COLUMNS = ['b', 'ti', 'si', 'i', 'bi', 'ubi', 'f', 'd', 'dec', 'day', 'ts', 'tsms', 'tss', 'tsns', 'code', 'long', 'flag'];

describe('bulk vector reading (real DuckDB)', () => {
  it('reads every type as value-by-value reading does, with nulls and leading untimed rows', async () => {
    const { instance, connection } = await openDatabase();
    const rows = [
      `(NULL, 'a.csv', 7, true, -3, -300, -70000, -5000000000, 18446744073709551615, 1.5, -2.25, 12.34, DATE '2001-03-01', TIMESTAMP '2001-03-01 06:05:00.123456', TIMESTAMP_MS '2001-03-01 06:05:00.123', TIMESTAMP_S '2001-03-01 06:05:00', TIMESTAMP_NS '2001-03-01 06:05:00.123456789', 'SFO', 'a string longer than twelve bytes', 1)`,
      `(1000.5, NULL, NULL, false, 127, 32767, 2147483647, 9007199254740993, 0, NULL, 1e300, -0.01, DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59', NULL, NULL, NULL, 'LAX', NULL, 0)`,
      `(2000, ${Array(16).fill('NULL').join(', ')}, 'é', NULL, NULL)`,
    ];
    const types = [
      'DOUBLE',
      'VARCHAR',
      'BIGINT',
      'BOOLEAN',
      'TINYINT',
      'SMALLINT',
      'INTEGER',
      'BIGINT',
      'UBIGINT',
      'FLOAT',
      'DOUBLE',
      'DECIMAL(6,2)',
      'DATE',
      'TIMESTAMP',
      'TIMESTAMP_MS',
      'TIMESTAMP_S',
      'TIMESTAMP_NS',
      'VARCHAR',
      'VARCHAR',
      'UTINYINT',
    ];
    const names = ['t', 'file', 'line', ...COLUMNS];
    await connection.run(`CREATE TABLE v (${names.map((n, k) => `${n} ${types[k]}`).join(', ')})`);
    await connection.run(`INSERT INTO v VALUES ${rows.join(', ')}`);
    const result = await connection.stream(`SELECT t, NULL::DOUBLE AS __label, file, line, ${COLUMNS.join(', ')} FROM v ORDER BY t NULLS FIRST`);
    const raw = (await result.fetchChunk())!;
    const { chunk, untimed } = toColumnChunk(raw, COLUMNS, true);
    expect(untimed).toEqual([{ file: 'a.csv', line: 7 }]);
    expect(chunk.rowCount).toBe(2);
    expect(Array.from(chunk.eventTime)).toEqual([1000.5, 2000]);
    expect(Array.from(chunk.label!).every(Number.isNaN)).toBe(true);
    const numbers = (name: string) => {
      const column = chunk.columns[name]!;
      if (column.kind !== 'number') {
        throw new Error(`${name} is text`);
      }
      return Array.from(column.values, (v, i) => (column.valid[i] ? v : null));
    };
    expect(numbers('b')).toEqual([0, null]);
    expect(numbers('ti')).toEqual([127, null]);
    expect(numbers('si')).toEqual([32767, null]);
    expect(numbers('i')).toEqual([2147483647, null]);
    expect(numbers('bi')).toEqual([Number(9007199254740993n), null]);
    expect(numbers('ubi')).toEqual([0, null]);
    expect(numbers('f')).toEqual([null, null]);
    expect(numbers('d')).toEqual([1e300, null]);
    expect(numbers('dec')).toEqual([-0.01, null]);
    expect(numbers('day')).toEqual([Date.UTC(1969, 11, 31), null]);
    expect(numbers('ts')).toEqual([Date.UTC(1969, 11, 31, 23, 59, 59), null]);
    expect(numbers('tsms')).toEqual([null, null]);
    expect(numbers('flag')).toEqual([0, null]);
    const code = chunk.columns['code']!;
    expect(code.kind === 'text' && code.values).toEqual(['LAX', 'é']);

    // The untimed row's values, read past: a chunk whose first row is timed.
    const all = await connection.stream(`SELECT 1.0::DOUBLE AS t, NULL::DOUBLE, NULL, NULL, ${COLUMNS.join(', ')} FROM v WHERE t IS NULL`);
    const first = toColumnChunk((await all.fetchChunk())!, COLUMNS, false).chunk;
    const value = (name: string) => {
      const column = first.columns[name]!;
      return column.kind === 'number' ? column.values[0] : column.values[0];
    };
    expect([value('b'), value('ti'), value('si'), value('i'), value('bi'), value('ubi')]).toEqual([1, -3, -300, -70000, -5000000000, 18446744073709551615]);
    expect([value('f'), value('d'), value('dec')]).toEqual([1.5, -2.25, 12.34]);
    expect(value('day')).toBe(Date.UTC(2001, 2, 1));
    expect(value('ts')).toBe(Date.UTC(2001, 2, 1, 6, 5, 0) + 123.456);
    expect(value('tsms')).toBe(Date.UTC(2001, 2, 1, 6, 5, 0, 123));
    expect(value('tss')).toBe(Date.UTC(2001, 2, 1, 6, 5, 0));
    expect(value('tsns')).toBeCloseTo(Date.UTC(2001, 2, 1, 6, 5, 0) + 123.456789, 6);
    expect([value('code'), value('long'), value('flag')]).toEqual(['SFO', 'a string longer than twelve bytes', 1]);
    expect(first.label).toBeNull();
    connection.closeSync();
    instance.closeSync();
  });
});

describe("one rule for a column's kind", () => {
  it('the reader hands over as numbers exactly the columns chunkKindOf says, whatever DESCRIBE calls their type', async () => {
    const dir = tempDir();
    const path = join(dir, 'kinds.parquet');
    const { instance, connection } = await openDatabase();
    const values: Record<string, string> = {
      t: "TIMESTAMP '2001-03-01 06:00:00'",
      n_int: '1::INTEGER',
      n_hugeint: '2::HUGEINT',
      n_decimal: '3.5::DECIMAL(9,2)',
      n_float: '1.5::FLOAT',
      flag: 'true',
      day: "DATE '2001-03-01'",
      stamp: "TIMESTAMP '2001-03-01 06:00:00'",
      clock: "TIME '06:00:00'",
      code: "'SFO'",
      doc: '\'{"a": 1}\'::JSON',
      id: "'6ecd8c99-4036-403d-bf84-cf8400f67836'::UUID",
      list: '[1, 2]',
      blob: "'\\x01'::BLOB",
    };
    await connection.run(
      `COPY (SELECT ${Object.entries(values)
        .map(([n, v]) => `${v} AS ${n}`)
        .join(', ')}) TO '${path}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const source = await openSnapshot({ path, timestamp: 't', labelDelay: 0, maxRejectRate: 0 }, 'production');
    const names = source.columns.map((c) => c.name);
    const chunks: ColumnChunk[] = [];
    for await (const chunk of source.read({ columns: names, derived: {} })) {
      chunks.push(chunk);
    }
    await source.close();
    const read = Object.fromEntries(names.map((n) => [n, chunks[0]!.columns[n]!.kind]));
    const ruled = Object.fromEntries(source.columns.map((c) => [c.name, chunkKindOf(c.type)]));
    expect(read).toEqual(ruled);
    // JSON and UUID are text; a time of day is text; booleans, dates and timestamps are numbers.
    expect(ruled).toMatchObject({ doc: 'text', id: 'text', clock: 'text', flag: 'number', day: 'number', stamp: 'number', n_hugeint: 'number', code: 'text' });
  });
});
