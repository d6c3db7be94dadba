import { describe, expect, it } from 'vitest';
import { rehearse } from '../support/cli';

describe('rehearse validate', () => {
  it('prints a one-line summary of a valid scenario, exit 0', () => {
    const result = rehearse(['validate', 'scenarios/smoke.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toContain('valid: smoke: blue smoke-v1');
  });

  it('with --json prints only the JSON document on stdout', () => {
    const result = rehearse(['validate', 'test/fixtures/scenarios/typo-key.yaml', '--json']);
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout) as { valid: boolean; issues: { path: string; line: number }[] };
    expect(doc.valid).toBe(false);
    expect(doc.issues).toContainEqual(expect.objectContaining({ path: 'snapshots.production.timestmap', line: 8 }));
  });

  it.each([
    ['typo-key.yaml', 'test/fixtures/scenarios/typo-key.yaml:8:5: snapshots.production.timestmap: unknown key "timestmap"'],
    ['wrong-type.yaml', 'test/fixtures/scenarios/wrong-type.yaml:5:16: models.blue.threshold: expected number, got string'],
    ['negative-rate.yaml', 'test/fixtures/scenarios/negative-rate.yaml:9:20: snapshots.production.maxRejectRate: expected at least 0'],
  ])('names file, line, field and what was expected for %s, exit 2', (file, message) => {
    const result = rehearse(['validate', `test/fixtures/scenarios/${file}`]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('names a missing file', () => {
    const result = rehearse(['validate', 'scenarios/nope.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('scenarios/nope.yaml: scenario file not found');
  });
});
