/**
 * The workspace from the command line: a scenario (or a run log) that names a file outside it is
 * refused with exit 2 before a byte of that file is read; `--workspace` widens it; a symlink
 * counts where it leads. Real files, real symlinks, the built `rehearse`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearse } from '../support/cli';
import { ROOT, SMOKE, tempDir } from '../support/paths';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');
const SMOKE_SNAPSHOT = join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet');
/** The first line of /etc/passwd on every Linux: what must never show. */
const PASSWD = /root:x:0:0/;

function scenarioNaming(snapshot: string, model = SMOKE_MODEL, dir = tempDir()): string {
  writeFileSync(
    join(dir, 'reads.yaml'),
    `name: reads
models:
  blue:
    path: ${model}
snapshots:
  production:
    path: ${snapshot}
    format: csv
    timestamp: date
    label: delay > 15
`,
  );
  return join(dir, 'reads.yaml');
}

describe('a scenario naming /etc/passwd as a csv snapshot', () => {
  it('run: exit 2, "outside the workspace", nothing written and nothing of the file anywhere', () => {
    const scenario = scenarioNaming('/etc/passwd');
    const out = join(tempDir(), 'run');
    const result = rehearse(['run', scenario, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${scenario}:7:11: snapshots.production.path: /etc/passwd: outside the workspace: expected a path under ${ROOT} (the current folder)`,
    );
    expect(result.stderr).toContain('pass --workspace <folder> to read from another folder');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(PASSWD);
    expect(existsSync(out)).toBe(false);
  });

  it('validate and export-monitoring refuse it the same way', () => {
    const scenario = scenarioNaming('/etc/passwd');
    for (const args of [
      ['validate', scenario],
      ['validate', scenario, '--json'],
      ['export-monitoring', scenario, '--out', tempDir()],
    ]) {
      const result = rehearse(args);
      expect(result.code).toBe(2);
      expect(`${result.stdout}${result.stderr}`).toContain('outside the workspace');
      expect(`${result.stdout}${result.stderr}`).not.toMatch(PASSWD);
    }
  });

  it('validates once a person names /etc with --workspace (a scenario cannot do it itself)', () => {
    const result = rehearse(['validate', scenarioNaming('/etc/passwd'), '--workspace', '/etc']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid: reads');
  });

  it('refuses a --workspace that is not a folder', () => {
    const result = rehearse(['validate', SMOKE, '--workspace', join(ROOT, 'nowhere')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--workspace: expected a folder, "${join(ROOT, 'nowhere')}" is not one`);
  });
});

describe('symlinks count where they lead', () => {
  it('a snapshot beside the scenario that links to /etc/passwd is outside; --workspace /etc lets it in', () => {
    const scenario = scenarioNaming('data.csv');
    symlinkSync('/etc/passwd', join(scenario, '../data.csv'));
    const refused = rehearse(['validate', scenario]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('snapshots.production.path');
    expect(refused.stderr).toContain('outside the workspace (it leads to /etc/passwd)');
    expect(rehearse(['validate', scenario, '--workspace', '/etc']).code).toBe(0);
  });

  it('a model folder holding a link to outside is refused, by the scenario and by score, inspect and serve', () => {
    const dir = tempDir();
    cpSync(SMOKE_MODEL, join(dir, 'model'), { recursive: true });
    symlinkSync('/etc/passwd', join(dir, 'model/training.lock'));
    const scenario = scenarioNaming(SMOKE_SNAPSHOT, join(dir, 'model'), dir);
    const results = [
      rehearse(['validate', scenario]),
      rehearse(['score', '--model', join(dir, 'model'), '--snapshot', SMOKE_SNAPSHOT, '--label', 'delay > 15']),
      rehearse(['inspect', join(dir, 'model')]),
      rehearse(['serve', '--model', join(dir, 'model')]),
    ];
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`(${join(dir, 'model/training.lock')} leads to /etc/passwd)`);
      expect(result.stderr).not.toMatch(PASSWD);
    }
  });

  it('drift and load refuse a glob that matches a link to outside; score a snapshot that is one', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'days'));
    cpSync(SMOKE_SNAPSHOT, join(dir, 'days/01.parquet'));
    symlinkSync('/etc/shadow', join(dir, 'days/02.parquet'));
    const drift = rehearse(['drift', '--reference', SMOKE_SNAPSHOT, '--current', join(dir, 'days/*.parquet')]);
    expect(drift.code).toBe(2);
    expect(drift.stderr).toContain(
      `rehearse drift: --current ${join(dir, 'days/*.parquet')}: outside the workspace (${join(dir, 'days/02.parquet')} leads to /etc/shadow)`,
    );
    const load = rehearse(['load', '--url', 'http://127.0.0.1:9', '--rate', '1', '--payload-from', join(dir, 'days/*.parquet')]);
    expect(load.code).toBe(2);
    expect(load.stderr).toContain('outside the workspace');
    const score = rehearse(['score', '--model', SMOKE_MODEL, '--snapshot', join(dir, 'days/02.parquet'), '--label', 'delay > 15']);
    expect(score.code).toBe(2);
    expect(score.stderr).toContain('--snapshot');
    expect(score.stderr).toContain('leads to /etc/shadow');
    // The same file named directly is the person's choice: its folder is in the workspace.
    const direct = rehearse(['score', '--model', SMOKE_MODEL, '--snapshot', join(dir, 'days/01.parquet'), '--label', 'delay > 15', '--timestamp', 'date']);
    expect(direct.code).toBe(0);
  });
});

describe("a scenario's SQL reads only its snapshot's files", () => {
  it('a label that reads /etc/passwd through DuckDB (in a scenario or on the command line) is refused, and nothing of it shows', () => {
    const dir = tempDir();
    const leaky = (extra: string) => {
      writeFileSync(
        join(dir, 'leaky.yaml'),
        `name: leaky\nmodels:\n  blue:\n    path: ${SMOKE_MODEL}\nsnapshots:\n  production:\n    path: ${SMOKE_SNAPSHOT}\n    timestamp: date\n    from: 2001-03-01T06:00:00\n    to: 2001-03-01T07:00:00\n${extra}`,
      );
      return join(dir, 'leaky.yaml');
    };
    const label = leaky("    label: (SELECT count(*) FROM read_text('/etc/passwd')) > 0\n");
    const out = join(tempDir(), 'label');
    const run = rehearse(['run', label, '--out', out, '--formats', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('file system operations are disabled by configuration');
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8');
    expect(events).toContain('Permission Error: Cannot access file');
    expect(`${events}${readFileSync(join(out, 'report.json'), 'utf8')}${run.stdout}${run.stderr}`).not.toMatch(PASSWD);
    const score = rehearse(['score', '--model', SMOKE_MODEL, '--snapshot', SMOKE_SNAPSHOT, '--label', "(SELECT content FROM read_text('/etc/passwd'))"]);
    expect(score.code).toBe(2);
    expect(`${score.stdout}${score.stderr}`).not.toMatch(PASSWD);
  });
});

describe('a run log naming a scenario outside the workspace', () => {
  it('drill refuses the scenario the log names, unless the person names one', () => {
    const out = join(tempDir(), 'smoke');
    expect(rehearse(['run', SMOKE, '--out', out, '--formats', 'json']).code).toBeLessThan(2);
    const logPath = join(out, 'events.jsonl');
    const lines = readFileSync(logPath, 'utf8').trim().split('\n');
    const started = JSON.parse(lines[0]!) as { kind: string; scenario: { path: string } };
    expect(started.kind).toBe('run.started');
    started.scenario.path = '/etc/passwd';
    writeFileSync(logPath, `${[JSON.stringify(started), ...lines.slice(1)].join('\n')}\n`);
    const answers = join(tempDir(), 'answers.jsonl');
    writeFileSync(answers, '');
    const refused = rehearse(['drill', logPath, '--answers', answers, '--out', tempDir()]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('/etc/passwd: outside the workspace');
    expect(refused.stderr).not.toMatch(PASSWD);
    expect(readdirSync(out)).not.toContain('drill.json');
  });
});
