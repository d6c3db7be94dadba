/**
 * `rehearse drift` as a process: any file DuckDB reads, the column-kind rules, exit 0
 * whatever the drift, exit 2 with the file or flag named for every bad input, and no NaN in any
 * output whatever the data (constant, all-null, empty, one row, mixed types, NaN, Infinity).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport, FeatureDrift } from '../../src-main/contract/drift';
import { openDatabase, sqlString } from '../../src-main/engine/node/duckdb/database';
import { rehearse } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';
import { PYTHON } from '../support/python';
import { requireService } from '../support/services';

const SMOKE = join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet');
let dir = '';

/** Writes a CSV with a header and rows (cells already text). */
function csv(name: string, header: string, rows: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, [header, ...rows].join('\n') + '\n');
  return path;
}

function drift(args: readonly string[]): { code: number | null; report: DriftReport; stdout: string; stderr: string } {
  const result = rehearse(['drift', ...args, '--json']);
  return { ...result, report: (result.code === 0 ? JSON.parse(result.stdout) : null) as DriftReport };
}

function feature(report: DriftReport, name: string): FeatureDrift {
  const f = report.features.find((x) => x.name === name);
  expect(f, `feature ${name}`).toBeDefined();
  return f!;
}

/** Every number in the document is finite (JSON.stringify would have written NaN as null; the text must not say NaN either). */
function expectNoNaN(stdout: string): void {
  expect(stdout).not.toMatch(/NaN|Infinity/);
  const walk = (v: unknown): void => {
    if (typeof v === 'number') {
      expect(Number.isFinite(v)).toBe(true);
    } else if (v && typeof v === 'object') {
      Object.values(v).forEach(walk);
    }
  };
  walk(JSON.parse(stdout));
}

beforeAll(async () => {
  dir = tempDir('rehearsal-drift-');
  const { instance, connection } = await openDatabase();
  // The same March flights as CSV and JSON lines, with distance in kilometres: a unit change.
  const shifted = `SELECT date, delay, distance * 1.609344 AS distance, origin, destination FROM read_parquet(${sqlString(SMOKE)})`;
  await connection.run(`COPY (${shifted}) TO ${sqlString(join(dir, 'km.csv'))} (HEADER)`);
  await connection.run(`COPY (SELECT * FROM read_parquet(${sqlString(SMOKE)})) TO ${sqlString(join(dir, 'march.csv'))} (HEADER)`);
  await connection.run(`COPY (${shifted}) TO ${sqlString(join(dir, 'km.jsonl'))} (FORMAT json)`);
  await connection.run(`COPY (SELECT * FROM read_parquet(${sqlString(SMOKE)}) LIMIT 0) TO ${sqlString(join(dir, 'empty.parquet'))}`);
  connection.closeSync();
  instance.closeSync();
  const rows = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));
  const header = 'amount,constant,empty,mixed,flag,hour,city,ts,only_ref';
  csv(
    'reference.csv',
    header,
    rows(60, (i) => `${(i * 7) % 23}.5,3,,${i},${i % 3 === 0},${i % 12},${['SFO', 'LAX', 'SEA'][i % 3]},2001-01-0${1 + (i % 9)} 10:00:00,${i}`),
  );
  csv(
    'current.csv',
    header.replace(',only_ref', ''),
    rows(
      40,
      (i) =>
        `${i % 10 === 0 ? 'nan' : i % 10 === 1 ? 'inf' : `${(i * 5) % 31}`},3,,${i % 4 === 0 ? 'n/a' : i},${i % 2 === 0},${i % 12},${['SFO', 'LAX', 'JFK'][i % 3]},2001-03-0${1 + (i % 9)} 10:00:00`,
    ),
  );
  csv('one.csv', 'amount,city', ['4.5,SFO']);
  csv('bad-line.csv', 'amount,city', ['1.5,SFO', '2.5,LAX', '3.5,SEA,extra', '4.5,SFO']);
  writeFileSync(join(dir, 'bad-line.jsonl'), '{"amount": 1, "city": "a"}\nnot json\n{"amount": 2, "city": "b"}\n');
  csv('header-only.csv', 'amount,city', []);
  writeFileSync(join(dir, 'garbage.parquet'), 'this is not parquet\n');
  writeFileSync(join(dir, 'notes.txt'), 'amount\n1\n');
  mkdirSync(join(dir, 'folder.parquet'));
});

describe('rehearse drift', () => {
  it('reads Parquet against CSV and JSON lines, finds the unit change, lists the timestamp as skipped, exit 0', () => {
    for (const current of ['km.csv', 'km.jsonl']) {
      const { code, report, stdout } = drift(['--reference', SMOKE, '--current', join(dir, current)]);
      expect(code).toBe(0);
      expectNoNaN(stdout);
      expect(report.features.map((f) => [f.name, f.kind])).toEqual([
        ['delay', 'numeric'],
        ['distance', 'numeric'],
        ['origin', 'categorical'],
        ['destination', 'categorical'],
      ]);
      expect(report.skipped).toEqual([{ name: 'date', type: 'TIMESTAMP', reason: expect.stringContaining('date/timestamp column') }]);
      const distance = feature(report, 'distance');
      expect(distance).toMatchObject({ status: 'retrain', n: { reference: 49071, current: 49071 }, ksMethod: 'asymp' });
      expect(distance.psi).toBeGreaterThan(0.25);
      // The same rows on both sides: delay and the airports have not moved at all.
      expect(feature(report, 'delay')).toMatchObject({ status: 'stable', psi: 0, ks: 0, ksPValue: 1, wasserstein: 0 });
      expect(feature(report, 'origin')).toMatchObject({ status: 'stable', psi: 0, chi2: 0, chi2PValue: 1, jsd: 0, unseenShare: 0 });
    }
  });

  it('agrees with numpy and scipy run on the same files', (context) => {
    const check = spawnSync(PYTHON, ['-c', 'import numpy, scipy'], { encoding: 'utf8' });
    requireService(context, check.status === 0, `${PYTHON} with numpy and scipy`);
    const { report } = drift(['--reference', SMOKE, '--current', join(dir, 'km.csv'), '--columns', 'distance']);
    const python = spawnSync(
      PYTHON,
      [
        '-c',
        `
import json, sys, numpy as np
from scipy.stats import ks_2samp, wasserstein_distance
def col(path):
    with open(path) as f:
        names = f.readline().strip().split(',')
        k = names.index('distance')
        return np.array([float(line.split(',')[k]) for line in f])
ref, cur = col(sys.argv[1]), col(sys.argv[2])
edges = np.linspace(min(ref.min(), cur.min()), max(ref.max(), cur.max()), 11)
e = np.clip(np.histogram(ref, edges)[0] / len(ref), 1e-4, None)
a = np.clip(np.histogram(cur, edges)[0] / len(cur), 1e-4, None)
ks = ks_2samp(ref, cur)
print(json.dumps({'psi': float(np.sum((a - e) * np.log(a / e))), 'ks': float(ks.statistic), 'p': float(ks.pvalue), 'w': float(wasserstein_distance(ref, cur))}))`,
        join(dir, 'march.csv'),
        join(dir, 'km.csv'),
      ],
      { encoding: 'utf8' },
    );
    expect(python.status, python.stderr).toBe(0);
    const expected = JSON.parse(python.stdout) as { psi: number; ks: number; p: number; w: number };
    const distance = feature(report, 'distance');
    expect(distance.kind === 'numeric' && [distance.psi, distance.ks, distance.ksPValue]).toEqual([
      expect.closeTo(expected.psi, 9),
      expected.ks,
      expect.closeTo(expected.p, 12),
    ]);
    expect(distance.kind === 'numeric' && distance.wasserstein).toBeCloseTo(expected.w, 9);
  });

  it('keeps every statistic defined on hard data: NaN and Infinity, constant, all-null, mixed types, new categories, a missing column', () => {
    const { code, report, stdout } = drift(['--reference', join(dir, 'reference.csv'), '--current', join(dir, 'current.csv')]);
    expect(code).toBe(0);
    expectNoNaN(stdout);
    const amount = feature(report, 'amount');
    // 'nan' and 'inf' are left out of the distribution and counted apart.
    expect(amount).toMatchObject({ kind: 'numeric', n: { reference: 60, current: 32 }, leftOut: { current: { nan: 4, infinity: 4, null: 0, notNumeric: 0 } } });
    expect(amount.psi).not.toBeNull();
    expect(feature(report, 'constant')).toMatchObject({ kind: 'categorical', status: 'stable', psi: 0, chi2: 0, chi2PValue: 1, chi2Dof: 0 });
    expect(feature(report, 'empty')).toMatchObject({
      status: 'insufficient-data',
      reason: 'no usable values in the reference',
      psi: null,
      nullRate: { reference: 1, current: 1 },
    });
    // Text among the current sample's numbers: the kind follows the reference (numbers), and the text is counted as not numeric.
    expect(feature(report, 'mixed')).toMatchObject({ kind: 'numeric', n: { reference: 60, current: 30 }, leftOut: { current: { notNumeric: 10, null: 0 } } });
    expect(feature(report, 'flag')).toMatchObject({ kind: 'categorical', categories: { reference: 2, current: 2 } });
    expect(feature(report, 'hour')).toMatchObject({ kind: 'categorical', categories: { reference: 12, current: 12 } });
    const city = feature(report, 'city');
    expect(city.kind === 'categorical' && city.unseenShare).toBeCloseTo(13 / 40, 15);
    expect(feature(report, 'only_ref')).toMatchObject({ status: 'missing', reason: 'column missing from the current sample (schema break)' });
    expect(report.skipped.map((s) => s.name)).toEqual(['ts']);
  });

  it('follows --numeric, --categorical and --columns (a named timestamp is compared as epoch milliseconds)', () => {
    const { code, report } = drift([
      '--reference',
      join(dir, 'reference.csv'),
      '--current',
      join(dir, 'current.csv'),
      '--columns',
      'mixed,hour,ts',
      '--numeric',
      'mixed',
      '--categorical',
      'ts',
      '--binning',
      'quantile',
      '--bins',
      '4',
    ]);
    expect(code).toBe(0);
    expect(report.features.map((f) => [f.name, f.kind])).toEqual([
      ['mixed', 'numeric'],
      ['hour', 'categorical'],
      ['ts', 'categorical'],
    ]);
    expect(feature(report, 'mixed')).toMatchObject({ binning: 'quantile', bins: 4, n: { current: 30 }, leftOut: { current: { notNumeric: 10 } } });
    expect(report.skipped).toEqual([]);
    const asNumber = drift(['--reference', join(dir, 'reference.csv'), '--current', join(dir, 'current.csv'), '--columns', 'ts']).report;
    expect(feature(asNumber, 'ts')).toMatchObject({ kind: 'numeric', status: 'retrain', outOfRangeShare: 1 });
  });

  it('answers one row, an empty file and a constant with numbers or "insufficient data", never NaN', () => {
    const one = drift(['--reference', join(dir, 'reference.csv'), '--current', join(dir, 'one.csv'), '--columns', 'amount,city']);
    expect(one.code).toBe(0);
    expectNoNaN(one.stdout);
    expect(feature(one.report, 'amount')).toMatchObject({ n: { current: 1 }, ksMethod: 'exact' });
    const empty = drift(['--reference', join(dir, 'reference.csv'), '--current', join(dir, 'header-only.csv'), '--columns', 'amount,city']);
    expect(empty.code).toBe(0);
    expectNoNaN(empty.stdout);
    expect(empty.report.features.map((f) => [f.status, f.reason])).toEqual([
      ['insufficient-data', 'no usable values in the current sample'],
      ['insufficient-data', 'no usable values in the current sample'],
    ]);
    const none = drift(['--reference', SMOKE, '--current', join(dir, 'empty.parquet')]);
    expect(none.code).toBe(0);
    expect(none.report.current.rows).toBe(0);
    expect(none.report.features.every((f) => f.status === 'insufficient-data' && f.nullRate.current === null)).toBe(true);
  });

  it('counts unreadable rows with file and line, says so on stderr, and compares the rest', () => {
    const result = rehearse(['drift', '--reference', join(dir, 'bad-line.csv'), '--current', join(dir, 'bad-line.jsonl'), '--numeric', 'amount', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as DriftReport;
    expect(report.reference).toMatchObject({
      rows: 3,
      rejected: 1,
      rejectExamples: [{ line: 4, message: expect.stringContaining('Expected Number of Columns: 2 Found: 3') }],
    });
    expect(report.current).toMatchObject({ rows: 2, rejected: 1, rejectExamples: [{ line: 2, message: 'not valid JSON' }] });
    expect(result.stderr).toContain('bad-line.csv: 1 unreadable row left out, e.g. ');
    expect(result.stderr).toContain('bad-line.jsonl:2: not valid JSON');
    expect(feature(report, 'amount').n).toEqual({ reference: 3, current: 2 });
  });

  it('prints a table without --json', () => {
    const result = rehearse(['drift', '--reference', SMOKE, '--current', join(dir, 'km.csv')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^distance\s+numeric\s+49071\s+49071\s+\S+\s+ks \S+\s+\S+\s+w1 .* retrain$/m);
    expect(result.stdout).toContain('skipped date (TIMESTAMP): date/timestamp column');
  });

  it.each([
    ['no --reference', ['--current', 'x.csv'], 'missing --reference <file>'],
    ['no --current', ['--reference', 'x.csv'], 'missing --current <file>'],
    ['a reference that does not exist', ['--reference', 'nope.parquet', '--current', SMOKE], '--reference nope.parquet: file not found'],
    ['a current file that does not exist', ['--reference', SMOKE, '--current', 'nope.csv'], '--current nope.csv: file not found'],
    ['a file that is not Parquet', ['--reference', SMOKE, '--current', '{dir}/garbage.parquet'], 'garbage.parquet: cannot be read as parquet'],
    ['an extension DuckDB does not read', ['--reference', SMOKE, '--current', '{dir}/notes.txt'], 'notes.txt: expected a .parquet, .csv'],
    ['a folder', ['--reference', '{dir}/folder.parquet', '--current', SMOKE], 'folder.parquet: expected a file'],
    ['a glob that matches nothing', ['--reference', '{dir}/none-*.parquet', '--current', SMOKE], 'none-*.parquet: no file matches this glob'],
    ['--bins 0', ['--reference', SMOKE, '--current', SMOKE, '--bins', '0'], '--bins: expected a whole number from 1 to 1000, got "0"'],
    ['--bins 2.5', ['--reference', SMOKE, '--current', SMOKE, '--bins', '2.5'], '--bins: expected a whole number from 1 to 1000, got "2.5"'],
    ['--bins abc', ['--reference', SMOKE, '--current', SMOKE, '--bins', 'abc'], '--bins: expected a whole number'],
    ['--binning', ['--reference', SMOKE, '--current', SMOKE, '--binning', 'log'], '--binning: expected one of equal-width, quantile, got "log"'],
    ['--bands', ['--reference', SMOKE, '--current', SMOKE, '--bands', '0.3,0.1'], '--bands: expected 0 < investigate <= retrain'],
    ['--bands with one number', ['--reference', SMOKE, '--current', SMOKE, '--bands', '0.3'], '--bands: expected two numbers'],
    [
      'a column neither file has',
      ['--reference', SMOKE, '--current', SMOKE, '--columns', 'distance,speed'],
      '--columns: no column "speed" in either file; the reference has: date, delay, distance, origin, destination',
    ],
    ['an empty column name', ['--reference', SMOKE, '--current', SMOKE, '--columns', 'distance,'], '--columns: expected column names separated by commas'],
    [
      'a column both categorical and numeric',
      ['--reference', SMOKE, '--current', SMOKE, '--categorical', 'delay', '--numeric', 'delay'],
      '"delay" is named in both',
    ],
    ['an unknown flag', ['--reference', SMOKE, '--current', SMOKE, '--bin', '3'], "Unknown option '--bin'"],
    ['a positional argument', [SMOKE, SMOKE], 'unexpected argument'],
  ])('exits 2 naming the problem: %s', (_, args, message) => {
    const result = rehearse(['drift', ...args.map((a) => a.replace('{dir}', dir)), '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});
