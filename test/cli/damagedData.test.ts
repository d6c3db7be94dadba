/**
 * Damaged data through the built CLI and real DuckDB: text in a numeric input, a timestamp fed
 * as a number, a word in a numeric CSV column, a header-only CSV. Each is a clear error naming
 * the file, the line, the column and the value with what was expected (exit 2), or a reject
 * reported with its line when the rate is tolerated; never an internal error or a silent answer.
 */
import { copyFileSync, openSync, closeSync, statSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rehearse, runEvents } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

const SMOKE_ONNX = join(ROOT, 'scenarios/smoke/model/model.onnx');
let dir: string;

beforeAll(() => {
  dir = tempDir();
  writeFileSync(join(dir, 'na.csv'), 'distance,hour,late\n500,8,0\n900,17,1\nn/a,12,0\n300,6,0\n');
  writeFileSync(join(dir, 'times.csv'), 'ts,distance,hour,late\n2001-03-01 01:00:00,500,8,0\n2001-03-01 02:00:00,900,17,1\n');
  writeFileSync(join(dir, 'header.csv'), 'distance,hour,late\n');
  // 200 flights of a day with one distance written as "n/a", for a scenario over the smoke model.
  const rows = Array.from(
    { length: 200 },
    (_, i) => `2001-03-01 ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00,${300 + i * 7},${(i * 13) % 40}`,
  );
  rows[56] = '2001-03-01 08:56:00,n/a,3';
  writeFileSync(join(dir, 'flights.csv'), `date,distance,delay\n${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'clean.csv'), `date,distance,delay\n${rows.filter((_, i) => i !== 56).join('\n')}\n`);
  writeFileSync(join(dir, 'abc.csv'), `date,distance,delay\n${rows.map((r, i) => (i === 56 ? '2001-03-01 08:56:00,abc,3' : r)).join('\n')}\n`);
});

function score(snapshot: string, ...flags: string[]) {
  return rehearse(['score', '--model', SMOKE_ONNX, '--snapshot', join(dir, snapshot), '--label', 'late', '--workspace', dir, ...flags]);
}

describe('text where a number is expected', () => {
  it('score: "n/a" in a numeric input is exit 2 naming the file, the line, the column, what was found (never the cell itself) and what was expected', () => {
    const result = score('na.csv', '--features', 'distance,hour');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `rehearse score: ${join(dir, 'na.csv')}: 1 of 4 rows could not be read (25.00%), above the tolerated --max-reject-rate of 0; first: ${join(dir, 'na.csv')}:4: column "distance": expected a number, found text (3 characters)\n`,
    );
  });

  it('score: a tolerated reject is still reported with its line, and the other rows are scored', () => {
    const result = score('na.csv', '--features', 'distance,hour', '--max-reject-rate', '0.3', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${join(dir, 'na.csv')}:4: column "distance": expected a number, found text (3 characters)`);
    expect(JSON.parse(result.stdout)).toMatchObject({ n: 3, rejected: 1 });
  });

  it('score: a timestamp fed to a numeric input is refused (before: every prediction 1.0, silently)', () => {
    const result = score('times.csv', '--features', 'ts,hour');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`column "ts" of ${join(dir, 'times.csv')} is a TIMESTAMP, but input "features" expects numbers`);
    expect(result.stderr).toContain('derive a number from it');
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('score: a header-only CSV is "no rows", naming the file', () => {
    const result = score('header.csv', '--features', 'distance,hour');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'header.csv')}: no rows:`);
  });

  it('run: preflight stops on the unreadable row (not "ok", then a score-phase error), and the log says which line', () => {
    const scenario = join(dir, 'na.yaml');
    writeFileSync(
      scenario,
      `name: text-in-numbers\nmodels:\n  blue:\n    path: ${join(ROOT, 'scenarios/smoke/model')}\nsnapshots:\n  production:\n    path: flights.csv\n    timestamp: date\n    label: delay > 15\n`,
    );
    const out = join(dir, 'run-out');
    const result = rehearse(['run', scenario, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`[preflight] error: ${join(dir, 'flights.csv')}: 1 of`);
    expect(result.stderr).toContain(`${join(dir, 'flights.csv')}:58: column "distance": expected a number, found text (3 characters)`);
    const events = runEvents(out);
    const preflight = events.find((e) => e.kind === 'phase.finished' && e.phase === 'preflight');
    expect(preflight).toMatchObject({ outcome: 'error' });
    expect(events.some((e) => e.kind === 'phase.started' && e.phase === 'score')).toBe(false);
    expect(events.find((e) => e.kind === 'snapshot.rejects')).toMatchObject({ rejected: 1, examples: [{ line: 58 }] });
  });

  it('drift: a numeric column with one "abc" stays numeric, said with its line; the row is kept for the other columns', () => {
    const result = rehearse(['drift', '--reference', join(dir, 'clean.csv'), '--current', join(dir, 'abc.csv'), '--workspace', dir, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`--current ${join(dir, 'abc.csv')}: column "distance" holds numbers but for 1 value, so it is compared as numeric`);
    expect(result.stderr).toContain(`first: ${join(dir, 'abc.csv')}:58: column "distance": expected a number, found text (3 characters)`);
    const report = JSON.parse(result.stdout) as {
      current: { rows: number };
      features: { name: string; kind: string; leftOut?: { current: { notNumeric: number } } }[];
    };
    expect(report.current.rows).toBe(200);
    expect(report.features.find((f) => f.name === 'distance')).toMatchObject({ kind: 'numeric', leftOut: { current: { notNumeric: 1 } } });
  });

  it('drift: a Parquet file damaged in its middle is exit 2 naming the file (before: exit 3, no file named), as score does', () => {
    const smoke = join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet');
    const damaged = join(dir, 'middle.parquet');
    copyFileSync(smoke, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, Math.floor(statSync(damaged).size / 2));
    closeSync(fd);
    const drift = rehearse(['drift', '--reference', smoke, '--current', damaged, '--workspace', dir]);
    expect(drift.code).toBe(2);
    expect(drift.stderr).toMatch(new RegExp(`^rehearse drift: --current ${damaged}: cannot be read: .+\n$`));
    const score = rehearse(['score', '--model', join(ROOT, 'scenarios/smoke/model'), '--snapshot', damaged, '--label', 'delay > 15', '--workspace', dir]);
    expect(score.code).toBe(2);
    expect(score.stderr).toContain(damaged);
  });
});
