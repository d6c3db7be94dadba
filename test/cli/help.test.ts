import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rehearse } from '../support/cli';
import { ROOT } from '../support/paths';

describe('rehearse --help', () => {
  it('lists the commands through npx, as a fresh checkout runs it', () => {
    const result = spawnSync('npx', ['--no-install', 'rehearse', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const command of ['run', 'validate', 'report', 'inspect', 'score']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    }
  });

  it('gives each command its usage, and refuses unknown commands and flags with exit 2', () => {
    expect(rehearse(['run', '--help']).stdout).toContain('usage: rehearse run <scenario> --out <dir>');
    const unknown = rehearse(['rehersal']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "rehersal"; expected one of: run, validate, report');
    const flag = rehearse(['validate', 'scenarios/smoke.yaml', '--colour']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--colour'");
  });
});
