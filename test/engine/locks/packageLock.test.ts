import { describe, expect, it } from 'vitest';
import { parsePackageLockText } from '../../../src-main/engine/common/locks/packageLock';
import { expectInputError, lockText } from './fixtures';

describe('package-lock.json', () => {
  it('reads lockfileVersion 3 (packages only): an excerpt of this project’s own lock', () => {
    const lock = parsePackageLockText(lockText('package-lock-v3.json'), 'package-lock-v3.json');
    expect(lock.format).toBe('package-lock');
    expect(lock.entries).toHaveLength(30);
    expect(lock.entries.every((e) => e.ecosystem === 'npm' && e.pin.kind === 'exact')).toBe(true);
    expect(lock.entries.find((e) => e.name === 'onnxruntime-node')).toMatchObject({
      spec: 'onnxruntime-node@1.30.0',
      pin: { kind: 'exact', version: '1.30.0' },
      line: 307,
    });
    expect(lock.entries.find((e) => e.name === '@duckdb/node-bindings-linux-x64')?.pin).toEqual({ kind: 'exact', version: '1.5.6-r.1' });
  });

  it('reads lockfileVersion 2 from "packages": nested copies, workspace links noted, dev packages included', () => {
    const lock = parsePackageLockText(lockText('package-lock-v2.json'), 'package-lock-v2.json');
    const longs = lock.entries.filter((e) => e.name === 'long');
    expect(longs.map((e) => e.spec)).toEqual(['long@4.0.0', 'long@5.2.3']);
    expect(lock.entries.find((e) => e.name === 'typescript')?.pin).toEqual({ kind: 'exact', version: '5.3.3' });
    expect(lock.entries.some((e) => e.name === 'flights-features')).toBe(false);
    expect(lock.notes).toEqual([
      "package-lock-v2.json:71: node_modules/flights-features links to the workspace folder packages/features (the project's own code; not compared)",
    ]);
    expect(lock.entries).toHaveLength(14);
  });

  it('leaves out packages only development needs when asked, as npm ci --omit=dev installs', () => {
    const all = parsePackageLockText(lockText('package-lock-v2.json'), 'package-lock-v2.json');
    const production = parsePackageLockText(lockText('package-lock-v2.json'), 'package-lock-v2.json', { omitDev: true });
    expect(all.entries.some((e) => e.name === 'typescript')).toBe(true);
    expect(production.entries.some((e) => e.name === 'typescript')).toBe(false);
    expect(production.entries.length).toBeLessThan(all.entries.length);
    expect(production.notes).toContain(
      `package-lock-v2.json: ${all.entries.length - production.entries.length} packages needed only for development left out (what npm ci --omit=dev installs)`,
    );
  });

  it('reads lockfileVersion 1 (nested dependencies): git at a commit, local folders, aliases', () => {
    const lock = parsePackageLockText(lockText('package-lock-v1.json'), 'package-lock-v1.json');
    const by = (name: string) => lock.entries.filter((e) => e.name === name);
    expect(by('long').map((e) => [e.pin, e.line])).toEqual([
      [{ kind: 'exact', version: '4.0.0' }, 16],
      [{ kind: 'exact', version: '5.2.3' }, 38],
    ]);
    expect(by('feature-hash')[0]!.pin).toEqual({ kind: 'exact', version: 'github:analyst/feature-hash#5f0c1e2d3b4a59687a8b9c0d1e2f3a4b5c6d7e8f' });
    expect(by('flights-features')[0]!.pin).toEqual({ kind: 'unpinned', reason: 'file:../flights-features is a local folder or file' });
    expect(by('lodash')[0]).toMatchObject({ spec: 'lodash@4.17.21', line: 33 });
    expect(lock.entries).toHaveLength(12);
  });

  it('reads a git dependency at a branch as unpinned', () => {
    const text = JSON.stringify({ lockfileVersion: 1, dependencies: { x: { version: 'git+ssh://git@github.com/o/x.git#main' } } });
    expect(parsePackageLockText(text, 'l.json').entries[0]!.pin).toEqual({
      kind: 'unpinned',
      reason: 'a git reference at "main", not a commit hash, can move',
    });
  });

  it.each([
    ['{\n  "lockfileVersion": 3,\n  "packages": {\n    "": {}\n    "node_modules/a": {}\n  }\n}', 'l.json:5', 'not valid JSON'],
    ['{\n  "name": "x",\n  "lockfileVersion": 4,\n  "packages": {}\n}', 'l.json:3', '"lockfileVersion" is 4; expected 1, 2 or 3'],
    ['{\n  "name": "x"\n}', 'l.json:1', '"lockfileVersion" is undefined; expected 1, 2 or 3'],
    ['[1, 2]', 'l.json:1', 'expected a JSON object with "lockfileVersion"'],
    ['{\n  "lockfileVersion": 3\n}', 'l.json:2', 'lockfileVersion 3 needs a "packages" object'],
    [
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {\n      "version": "1.0.0"\n    },\n    "node_modules/b": {\n      "version": 2\n    }\n  }\n}',
      'l.json:7',
      'packages["node_modules/b"].version is number; expected a version string',
    ],
    [
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": "1.0.0"\n  }\n}',
      'l.json:4',
      'packages["node_modules/a"] is "1.0.0"; expected an object',
    ],
    [
      '{\n  "lockfileVersion": 1,\n  "dependencies": {\n    "a": {\n      "dependencies": {\n        "b": { "resolved": "x" }\n      },\n      "version": "1.0.0"\n    }\n  }\n}',
      'l.json:6',
      'dependencies["a"].dependencies["b"] has no "version" string',
    ],
  ])('refuses a bad lock (%#) naming the line', (text, where, problem) => {
    expectInputError(() => parsePackageLockText(text, 'l.json'), where, problem);
  });
});
