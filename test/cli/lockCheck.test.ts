import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearse } from '../support/cli';
import { tempDir } from '../support/paths';

const F = 'test/fixtures/locks';

describe('rehearse lock-check', () => {
  it('passes two locks that pin every shared package to the same version, exit 0', () => {
    const result = rehearse(['lock-check', `${F}/pip-freeze.txt`, `${F}/requirements-hashed.txt`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('compared  18 packages on both sides');
    expect(result.stdout).toContain('only in training (11, not failing): contourpy, cycler, fonttools');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('lock-check: PASS (0 unpinned, 0 range, 0 mismatch, 11 missing)');
  });

  it('fails a conda training environment against a pip serving lock, with --json holding only the document, exit 1', () => {
    const result = rehearse(['lock-check', `${F}/environment.yml`, `${F}/requirements-hashed.txt`, '--json']);
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as {
      passed: boolean;
      counts: Record<string, number>;
      problems: { package: string; kind: string; training: unknown; serving: unknown }[];
    };
    expect(doc.passed).toBe(false);
    expect(doc.counts).toEqual({ unpinned: 0, range: 0, mismatch: 3, missing: 33 });
    expect(doc.problems[0]).toEqual({
      package: 'numpy',
      kind: 'mismatch',
      training: { spec: 'numpy=1.26.3=py311h64a7726_0', at: `${F}/environment.yml:28` },
      serving: { spec: 'numpy==1.26.4', at: `${F}/requirements-hashed.txt:27` },
      detail: 'training pins 1.26.3, serving pins 1.26.4',
    });
  });

  it('lists every kind in the terminal and prints what it read but did not compare on stderr, credentials hidden', () => {
    const result = rehearse(['lock-check', `${F}/pip-freeze.txt`, `${F}/requirements-serving.txt`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  range     onnxruntime: serving: >=1.17,<1.18 admits more than one version\n            training: onnxruntime==1.17.1 (test/fixtures/locks/pip-freeze.txt:14); serving: onnxruntime>=1.17,<1.18 (test/fixtures/locks/requirements-serving.txt:9)',
    );
    expect(result.stdout).toContain('lock-check: FAIL (3 unpinned, 4 range, 1 mismatch, 20 missing)');
    expect(result.stderr).toContain('note: test/fixtures/locks/requirements-serving.txt:3: --extra-index-url https://***@pypi.internal.example.com/simple');
    expect(result.stderr).not.toContain('s3cr3t');
  });

  it('lists the copies npm installs beside every version training had, without failing (the project lock against a demo model), exit 0', () => {
    const result = rehearse(['lock-check', 'scenarios/demo/models/blue-v1/training.lock', 'package-lock.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /more copies in serving \(\d+, not failing\):\n {4}\S+: serving also installs .+ beside training's .+, for packages training did not have/,
    );
    expect(result.stdout).not.toContain('only in training');
  });

  it('missing packages alone do not fail, exit 0', () => {
    const result = rehearse(['lock-check', `${F}/package-lock-v2.json`, `${F}/constraints.txt`]);
    expect(result.stdout).toContain('compared  0 packages on both sides');
    expect(result.stdout).toContain('lock-check: PASS (0 unpinned, 0 range, 0 mismatch, 15 missing)');
    expect(result.code).toBe(0);
  });

  it('compares onnxruntime-node in a Node serving lock with onnxruntime in a Python training lock', () => {
    const result = rehearse(['lock-check', `${F}/pip-freeze.txt`, `${F}/package-lock-v3.json`, '--json']);
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as { problems: { package: string; kind: string; detail: string }[] };
    expect(doc.problems.filter((p) => p.kind !== 'missing').map((p) => `${p.package}: ${p.detail}`)).toEqual([
      'onnxruntime / onnxruntime-node: training pins 1.17.1, serving pins 1.30.0',
    ]);
  });

  it('takes the format from a flag when the name and content do not tell', () => {
    const dir = tempDir();
    copyFileSync(`${F}/environment.yml`, join(dir, 'training.lock'));
    const detected = rehearse(['lock-check', join(dir, 'training.lock'), `${F}/requirements-hashed.txt`, '--json']);
    expect(JSON.parse(detected.stdout)).toMatchObject({ training: { format: 'conda', packages: 51 } });
    const forced = rehearse(['lock-check', join(dir, 'training.lock'), `${F}/requirements-hashed.txt`, '--training-format', 'requirements']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain(`${join(dir, 'training.lock')}:1: ": flights-train" is not a version specifier`);
  });

  it.each([
    [['lock-check', `${F}/pip-freeze.txt`], 'missing the serving lock file'],
    [['lock-check', `${F}/pip-freeze.txt`, `${F}/pip-freeze.txt`, `${F}/pip-freeze.txt`], 'expected two lock files, found 3'],
    [
      ['lock-check', `${F}/pip-freeze.txt`, `${F}/pip-freeze.txt`, '--serving-format', 'poetry'],
      '--serving-format: expected one of requirements, package-lock, conda, got "poetry"',
    ],
  ])('refuses bad usage %j, exit 2', (args, message) => {
    const result = rehearse(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('usage: rehearse lock-check');
  });

  it('refuses unreadable input naming the file and line and what was expected, exit 2, nothing on stdout', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'requirements.txt'), 'numpy==1.26.4\nscipy=>1.12\n');
    const bad = rehearse(['lock-check', join(dir, 'requirements.txt'), `${F}/pip-freeze.txt`, '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(`rehearse lock-check: ${join(dir, 'requirements.txt')}:2: "=>1.12" is not a version specifier`);
    const missing = rehearse(['lock-check', `${F}/pip-freeze.txt`, `${F}/nope.lock`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${F}/nope.lock: lock file not found`);
  });
});
