/** Bad rows are counted and reported with their file and line, never dropped silently (real DuckDB). */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnChunk, SnapshotSource } from '../../src-main/engine/common/ports/snapshot';
import { openSnapshot } from '../../src-main/engine/node/duckdb/snapshotReader';
import { ROOT, tempDir } from '../support/paths';
import { snapshotSchemaDefaults } from '../support/snapshots';

const SMOKE_PARQUET = join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet');

async function readAll(source: SnapshotSource, columns: string[], derived: Record<string, string> = {}): Promise<ColumnChunk[]> {
  const out: ColumnChunk[] = [];
  for await (const chunk of source.read({ columns, derived })) {
    out.push(chunk);
  }
  return out;
}

async function readAllFrom(chunks: AsyncIterable<ColumnChunk>): Promise<number> {
  let rows = 0;
  for await (const chunk of chunks) {
    rows += chunk.rowCount;
  }
  return rows;
}

describe('snapshot rejects (real DuckDB)', () => {
  it('CSV: every rejected line with its file and line number, through store_rejects, across a glob', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'ts,x,city\n2001-01-01 02:00:00,2,b\n2001-01-01 03:00:00,3\n2001-01-01 04:00:00,4,c\n');
    writeFileSync(join(dir, 'b.csv'), 'ts,x,city\n2001-01-02 02:00:00,2,b\nnot a time,5,a\n2001-01-02 01:00:00,1,a\n');
    const source = await openSnapshot(snapshotSchemaDefaults({ path: join(dir, '*.csv'), timestamp: 'ts' }), 'production');
    const chunks = await readAll(source, ['x']);
    await source.close();
    expect(chunks.reduce((n, c) => n + c.rowCount, 0)).toBe(4);
    const rejects = source.rejects();
    expect(rejects.rejected).toBe(2);
    expect(rejects.examples).toEqual([
      { file: join(dir, 'a.csv'), line: 3, message: 'Expected Number of Columns: 3 Found: 2' },
      // The column, the type expected and the cell's own value (cut short: the message is about it).
      { file: join(dir, 'b.csv'), line: 3, message: 'column "ts": expected a TIMESTAMP, found text (10 characters)' },
    ]);
  });

  it('CSV damage costs only the damaged lines: a bad quote, an unterminated quote, a word in a numeric column', async () => {
    const dir = tempDir();
    const lines = Array.from({ length: 39 }, (_, i) => `2001-01-01 ${String((i + 1) % 24).padStart(2, '0')}:00:00,${(i + 1) * 10},"City, ${i + 1}"`);
    const damaged = (line: number, text: string) => ['ts,distance,city', ...lines.map((l, i) => (i + 2 === line ? text : l))].join('\n') + '\n';
    writeFileSync(join(dir, 'bad-quote.csv'), damaged(6, '2001-01-01 05:00:00,50,"bad"x'));
    writeFileSync(join(dir, 'unterminated.csv'), damaged(8, '2001-01-01 07:00:00,70,"unterminated'));
    writeFileSync(join(dir, 'word.csv'), damaged(10, '2001-01-01 09:00:00,abc,"City, 9"'));
    const read = async (file: string) => {
      const source = await openSnapshot(snapshotSchemaDefaults({ path: join(dir, file), timestamp: 'ts' }), 'production');
      const chunks = await readAll(source, ['distance', 'city']);
      await source.close();
      return { columns: source.columns, rows: chunks.reduce((n, c) => n + c.rowCount, 0), rejects: source.rejects() };
    };
    // Before: DuckDB's sniffer gave up quoting (every quoted comma split a row: 1 row of 39 kept) or chose another delimiter.
    const quote = await read('bad-quote.csv');
    expect(quote.rows).toBe(38);
    expect(quote.rejects).toEqual({ rejected: 1, examples: [{ file: join(dir, 'bad-quote.csv'), line: 6, message: 'Value with unterminated quote found.' }] });
    const unterminated = await read('unterminated.csv');
    // The open quote runs into the next line, which is lost with it; the line where it starts is named.
    expect(unterminated.rows).toBe(37);
    expect(unterminated.rejects.examples).toEqual([{ file: join(dir, 'unterminated.csv'), line: 8, message: 'Value with unterminated quote found.' }]);
    const word = await read('word.csv');
    expect(word.columns.find((c) => c.name === 'distance')?.type).toBe('DOUBLE');
    expect(word.rows).toBe(38);
    expect(word.rejects).toEqual({
      rejected: 1,
      examples: [{ file: join(dir, 'word.csv'), line: 10, message: 'column "distance": expected a number, found text (3 characters)' }],
    });
  });

  it('CSV: a column of codes stays text; a header-only file is "no rows", naming it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'codes.csv'), 'ts,gate\n2001-01-01 01:00:00,12\n2001-01-01 02:00:00,B7\n2001-01-01 03:00:00,C2\n2001-01-01 04:00:00,14\n');
    const codes = await openSnapshot(snapshotSchemaDefaults({ path: join(dir, 'codes.csv'), timestamp: 'ts' }), 'production');
    await codes.close();
    expect(codes.columns.find((c) => c.name === 'gate')?.type).toBe('VARCHAR');
    writeFileSync(join(dir, 'header.csv'), 'ts,distance\n');
    await expect(openSnapshot(snapshotSchemaDefaults({ path: join(dir, 'header.csv'), timestamp: 'ts' }), 'production')).rejects.toMatchObject({
      where: join(dir, 'header.csv'),
      problem: expect.stringMatching(/^no rows:/),
    });
  });

  it('JSON lines: a bad line and a non-object line reported by number; blank lines are not rows', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 's.jsonl'),
      [
        '{"ts":"2001-01-01 02:00:00","x":2}',
        '{"ts":"2001-01-01 01:00:00","x":',
        '',
        '[1, 2]',
        '{"ts":"2001-01-01 03:00:00","x":1.5}',
        '{"ts":null,"x":7}',
        '',
      ].join('\n'),
    );
    const source = await openSnapshot(snapshotSchemaDefaults({ path: join(dir, 's.jsonl'), timestamp: 'ts' }), 'production');
    const chunks = await readAll(source, ['x']);
    await source.close();
    const x = chunks[0]!.columns['x']!;
    expect(x.kind === 'number' && Array.from(x.values)).toEqual([2, 1.5]);
    expect(source.rejects()).toEqual({
      rejected: 3,
      examples: [
        { file: join(dir, 's.jsonl'), line: 2, message: 'not valid JSON' },
        { file: join(dir, 's.jsonl'), line: 4, message: 'expected a JSON object, found array' },
        { file: join(dir, 's.jsonl'), line: 6, message: 'no event time: "ts" is null or not a timestamp' },
      ],
    });
  });

  it('Parquet: an unreadable file of a glob is named and left out; the others are read', async () => {
    const dir = tempDir();
    copyFileSync(SMOKE_PARQUET, join(dir, 'day-1.parquet'));
    writeFileSync(join(dir, 'day-2.parquet'), 'PAR1 truncated');
    const source = await openSnapshot(snapshotSchemaDefaults({ path: join(dir, 'day-*.parquet'), timestamp: 'date' }), 'production');
    const chunks = await readAll(source, ['distance']);
    await source.close();
    expect(chunks.reduce((n, c) => n + c.rowCount, 0)).toBe(49071);
    expect(source.rejects()).toMatchObject({
      rejected: 1,
      examples: [{ file: join(dir, 'day-2.parquet'), line: null, message: expect.stringContaining('cannot be read as parquet') }],
    });
  });

  it('names a glob that matches nothing', async () => {
    await expect(openSnapshot(snapshotSchemaDefaults({ path: join(tempDir(), '*.parquet'), timestamp: 'date' }), 'production')).rejects.toMatchObject({
      problem: 'no file matches this glob (snapshots.production.path)',
    });
  });

  it('joins lookups into registered relations, and refuses a relation whose keys repeat', async () => {
    const source = await openSnapshot(snapshotSchemaDefaults({ path: SMOKE_PARQUET, timestamp: 'date' }), 'production');
    const codes = (rows: (string | number)[][]) => ({
      'blue.codes': {
        columns: [
          { name: 'code', type: 'VARCHAR' as const },
          { name: 'idx', type: 'BIGINT' as const },
        ],
        rows,
      },
    });
    const joins = [{ alias: 'blue.lookup0', relation: 'blue.codes', on: { code: 'origin' }, columns: ['idx'] }];
    const derived = { code: 'coalesce("blue.lookup0.idx", 0)' };
    const out: ColumnChunk[] = [];
    for await (const chunk of source.read({
      columns: ['origin', 'code'],
      derived,
      relations: codes([
        ['SFO', 7],
        ['LAX', 8],
      ]),
      joins,
    })) {
      out.push(chunk);
    }
    let sfo = 0;
    let rows = 0;
    for (const chunk of out) {
      const origin = chunk.columns['origin']!;
      const code = chunk.columns['code']!;
      for (let i = 0; i < chunk.rowCount; i++) {
        const value = origin.kind === 'text' ? origin.values[i] : null;
        sfo += value === 'SFO' ? 1 : 0;
        expect(code.kind === 'number' && code.values[i]).toBe(value === 'SFO' ? 7 : value === 'LAX' ? 8 : 0);
      }
      rows += chunk.rowCount;
    }
    // A LEFT JOIN keeps every snapshot row exactly once.
    expect(rows).toBe(49071);
    expect(sfo).toBeGreaterThan(100);
    const repeated = source.read({
      columns: ['code'],
      derived,
      relations: codes([
        ['SFO', 7],
        ['SFO', 9],
      ]),
      joins,
    });
    await expect(readAllFrom(repeated)).rejects.toMatchObject({
      problem: expect.stringContaining('relation blue.codes has 1 repeated keys (code); a lookup needs unique keys'),
    });
    await source.close();
  });
});
