/**
 * Profiles read out of real DuckDB: the sorted path (continuous values, copied vector
 * by vector from DuckDB's buffers) and the GROUP BY path (few values) both give exactly the
 * sample that sorting the same values in JS gives, with what was left out counted.
 */
import { describe, expect, it } from 'vitest';
import { numericSide } from '../../src-main/engine/common/drift/numericSide';
import { openDatabase } from '../../src-main/engine/node/duckdb/database';
import { distinctUpTo, readCategorySides, readNumericSides } from '../../src-main/engine/node/drift/columnSides';

describe('drift profiles through DuckDB (real DuckDB)', () => {
  it('reads continuous and discrete columns into the same samples JS sorting gives', async () => {
    const { instance, connection } = await openDatabase();
    // 100,000 rows: x continuous (every value distinct), k discrete, with nulls, NaN and infinities.
    await connection.run(`CREATE TABLE t AS SELECT
        CASE WHEN i % 997 = 0 THEN NULL WHEN i % 991 = 0 THEN 'nan'::DOUBLE WHEN i % 983 = 0 THEN 'inf'::DOUBLE ELSE (hash(i) % 1000003) / 7.0 END AS x,
        CASE WHEN i % 50 = 0 THEN NULL ELSE i % 37 END AS k,
        CASE WHEN i % 3 = 0 THEN 'a' WHEN i % 3 = 1 THEN NULL ELSE 'b' END AS s
      FROM range(100000) r(i)`);
    const profiles = await readNumericSides(connection, 't', [
      { name: 'x', column: 'x', expression: 'CAST("x" AS DOUBLE)' },
      { name: 'k', column: 'k', expression: 'CAST("k" AS DOUBLE)' },
    ]);
    for (const name of ['x', 'k']) {
      const rows = (await connection.runAndReadAll(`SELECT CAST(${name} AS DOUBLE) FROM t`)).getColumns()[0]!;
      const values = Float64Array.from(rows, (v) => (v === null ? Number.NaN : Number(v)));
      const valid = Uint8Array.from(rows, (v) => (v === null ? 0 : 1));
      const expected = numericSide(values, valid);
      const got = profiles.get(name)!;
      expect(got.rows).toBe(100000);
      expect(got.leftOut).toEqual(expected.leftOut);
      expect(got.sample.n).toBe(expected.sample.n);
      expect([...got.sample.values]).toEqual([...expected.sample.values]);
      expect([...got.sample.cumulative]).toEqual([...expected.sample.cumulative]);
    }
    expect(profiles.get('x')!.leftOut).toMatchObject({ null: 101, notNumeric: 0 });
    const categories = await readCategorySides(connection, 't', [{ name: 's', column: 's', expression: 'CAST("s" AS VARCHAR)' }]);
    expect(categories.get('s')).toEqual({
      counts: {
        counts: new Map([
          ['a', 33334],
          ['b', 33333],
        ]),
        n: 66667,
      },
      rows: 100000,
      nulls: 33333,
    });
    expect(await distinctUpTo(connection, 't', ['k', 'x'], 20)).toEqual(
      new Map([
        ['k', 37],
        ['x', expect.any(Number)],
      ]),
    );
    connection.closeSync();
    instance.closeSync();
  });
});
