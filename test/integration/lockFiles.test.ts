/** Lock files read from disk: format detection, `-r`/`-c` includes followed where safe, unreadable files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLockFile } from '../../src-main/engine/node/locks/readLockFile';
import { inputErrorOf, LOCKS } from '../engine/locks/fixtures';
import { tempDir } from '../support/paths';

describe('reading lock files from disk', () => {
  it('follows -r and -c relative to the including file: constraints pin loose requirements and add nothing', () => {
    const lock = readLockFile(join(LOCKS, 'requirements-serving.txt'));
    const joblib = lock.entries.find((e) => e.key === 'joblib')!;
    expect(joblib.pin).toEqual({ kind: 'exact', version: '1.3.2' });
    expect(joblib.file).toBe(join(LOCKS, 'requirements-base.txt'));
    expect(joblib.spec).toBe(`joblib (constrained to joblib==1.3.2 by ${join(LOCKS, 'constraints.txt')}:2)`);
    expect(lock.entries.some((e) => e.key === 'threadpoolctl')).toBe(false);
    expect(lock.entries.find((e) => e.key === 'protobuf')).toMatchObject({ line: 2, pin: { kind: 'exact', version: '3.20.2' } });
    expect(lock.includes).toEqual([]);
    expect(lock.notes).toContain(`${join(LOCKS, 'requirements-serving.txt')}:5: -r requirements-base.txt read (3 entries)`);
  });

  it('follows a -r in the pip list of a conda environment', () => {
    const lock = readLockFile(join(LOCKS, 'environment-loose.yml'));
    expect(lock.format).toBe('conda');
    expect(lock.entries.find((e) => e.key === 'packaging')).toMatchObject({ ecosystem: 'pypi', file: join(LOCKS, 'requirements-base.txt') });
  });

  it('detects the format of a model folder’s training.lock by its content', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'training.lock'), '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/zod": { "version": "4.3.6" }\n  }\n}\n');
    expect(readLockFile(join(dir, 'training.lock'))).toMatchObject({ format: 'package-lock', entries: [{ name: 'zod', line: 4 }] });
  });

  it('reads a file that begins with a byte order mark, as pip does', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'requirements.txt'), '\uFEFFnumpy==1.26.4\r\n');
    expect(readLockFile(join(dir, 'requirements.txt')).entries.map((e) => e.key)).toEqual(['numpy']);
  });

  it('reads an empty requirements file as no packages, and refuses an empty package-lock or environment', () => {
    const dir = tempDir();
    for (const name of ['requirements.txt', 'package-lock.json', 'environment.yml']) {
      writeFileSync(join(dir, name), '');
    }
    expect(readLockFile(join(dir, 'requirements.txt')).entries).toEqual([]);
    expect(inputErrorOf(() => readLockFile(join(dir, 'package-lock.json')))).toMatchObject({
      where: `${join(dir, 'package-lock.json')}:1`,
      problem: expect.stringContaining('not valid JSON'),
    });
    expect(inputErrorOf(() => readLockFile(join(dir, 'environment.yml')))).toMatchObject({
      where: `${join(dir, 'environment.yml')}:1`,
      problem: expect.stringContaining('expected a conda environment'),
    });
  });

  it('reports includes it does not follow: URLs, absolute paths, a file already read', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), '-r https://example.org/base.txt\n-r /etc/requirements.txt\n-r b.txt\nnumpy==1.26.4\n');
    writeFileSync(join(dir, 'b.txt'), '-r a.txt\nscipy==1.12.0\n');
    const lock = readLockFile(join(dir, 'a.txt'));
    expect(lock.entries.map((e) => e.key)).toEqual(['numpy', 'scipy']);
    expect(lock.notes).toEqual([
      `${join(dir, 'a.txt')}:1: -r https://example.org/base.txt not followed: a URL is not fetched`,
      `${join(dir, 'a.txt')}:2: -r /etc/requirements.txt not followed: an absolute path names a file on one machine`,
      `${join(dir, 'a.txt')}:3: -r b.txt read (1 entry)`,
      `${join(dir, 'b.txt')}:1: -r a.txt already read`,
    ]);
  });

  it('refuses an include that is not there, naming the line that names it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'numpy==1.26.4\n-c missing.txt\n');
    expect(inputErrorOf(() => readLockFile(join(dir, 'a.txt')))).toMatchObject({
      where: `${join(dir, 'a.txt')}:2`,
      problem: `${join(dir, 'missing.txt')} not found; expected a requirements file relative to the including one`,
    });
  });

  it('refuses a missing file, a folder, a binary file and a file in a format it is not', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'model.onnx'), Buffer.from([8, 8, 0, 1, 2]));
    expect(inputErrorOf(() => readLockFile(join(dir, 'nope.txt')))).toMatchObject({ where: join(dir, 'nope.txt'), problem: 'lock file not found' });
    expect(inputErrorOf(() => readLockFile(join(dir, 'folder'))).problem).toContain('is a folder; expected a lock file');
    expect(inputErrorOf(() => readLockFile(join(dir, 'model.onnx')))).toMatchObject({
      where: `${join(dir, 'model.onnx')}:1`,
      problem: expect.stringContaining('a binary file'),
    });
    expect(inputErrorOf(() => readLockFile(join(LOCKS, 'pip-freeze.txt'), 'conda')).problem).toContain('expected a conda environment');
  });
});
