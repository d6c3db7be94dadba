import { describe, expect, it } from 'vitest';
import { compareLocks } from '../../../src-main/engine/common/locks/compareLocks';
import { parseCondaEnvironmentText } from '../../../src-main/engine/common/locks/condaEnvironment';
import type { LockFile } from '../../../src-main/engine/common/locks/lockFile';
import { parsePackageLockText } from '../../../src-main/engine/common/locks/packageLock';
import { parseRequirementsText } from '../../../src-main/engine/common/locks/requirements';
import { lockText } from './fixtures';

const req = (text: string, file = 'r.txt'): LockFile => parseRequirementsText(text, file);

describe('comparing a training lock with a serving lock', () => {
  it('passes when every shared package is pinned to the same version; packages on one side only are listed as missing', () => {
    const c = compareLocks(
      parseRequirementsText(lockText('pip-freeze.txt'), 'pip-freeze.txt'),
      parseRequirementsText(lockText('requirements-hashed.txt'), 'requirements-hashed.txt'),
    );
    expect(c.failed).toBe(false);
    expect(c.compared).toBe(18);
    expect(c.counts).toEqual({ unpinned: 0, range: 0, mismatch: 0, missing: 11 });
    expect(c.problems.find((p) => p.package === 'matplotlib')).toEqual({
      package: 'matplotlib',
      kind: 'missing',
      training: { spec: 'matplotlib==3.8.3', at: 'pip-freeze.txt:9' },
      serving: null,
      detail: 'only in training',
    });
  });

  it('names each kind: unpinned, range, mismatch, most severe first', () => {
    const c = compareLocks(req('numpy==1.26.4\npandas==2.2.1\nscipy==1.12.0\nsix==1.16.0\n', 't.txt'), req('numpy==1.26.3\npandas>=2.2\nscipy\n', 's.txt'));
    expect(c.problems.map((p) => [p.kind, p.package])).toEqual([
      ['unpinned', 'scipy'],
      ['range', 'pandas'],
      ['mismatch', 'numpy'],
      ['missing', 'six'],
    ]);
    expect(c.problems[2]).toEqual({
      package: 'numpy',
      kind: 'mismatch',
      training: { spec: 'numpy==1.26.4', at: 't.txt:1' },
      serving: { spec: 'numpy==1.26.3', at: 's.txt:1' },
      detail: 'training pins 1.26.4, serving pins 1.26.3',
    });
    expect(c.problems[1]!.detail).toBe('serving: >=2.2 admits more than one version');
    expect(c.failed).toBe(true);
  });

  it('fails a package that is loose on the one side it appears on', () => {
    const c = compareLocks(req('numpy==1.26.4\n'), req('numpy==1.26.4\nfastapi\n'));
    expect(c.problems).toEqual([
      expect.objectContaining({ package: 'fastapi', kind: 'unpinned', training: null, detail: 'serving: no version specifier; not in training' }),
    ]);
    expect(c.failed).toBe(true);
  });

  it('matches names as PEP 503 does and versions as PEP 440 does', () => {
    const c = compareLocks(
      req('Scikit_Learn==1.4.0\nzope.interface==6.1.0\ntorch==2.1.0\n'),
      req('scikit-learn==1.4\nzope-interface==6.1\ntorch==2.1.0+cu121\n'),
    );
    expect(c.problems.map((p) => [p.package, p.kind, p.detail])).toEqual([['torch', 'mismatch', 'training pins 2.1.0, serving pins 2.1.0+cu121']]);
  });

  it('compares conda builds only when both sides name one', () => {
    const conda = (spec: string) => parseCondaEnvironmentText(`dependencies:\n  - ${spec}\n`, 'env.yml');
    expect(compareLocks(conda('numpy=1.26.4=py311h64a7726_0'), conda('numpy=1.26.4=py311h08b1b3b_0')).problems).toEqual([
      expect.objectContaining({ kind: 'mismatch', detail: 'the same version 1.26.4, other builds: training py311h64a7726_0, serving py311h08b1b3b_0' }),
    ]);
    expect(compareLocks(conda('numpy=1.26.4=py311h64a7726_0'), req('numpy==1.26.4\n')).problems).toEqual([]);
  });

  it('compares a conda environment with a pip lock through PyPI names', () => {
    const c = compareLocks(
      parseCondaEnvironmentText(lockText('environment.yml'), 'environment.yml'),
      parseRequirementsText(lockText('requirements-hashed.txt'), 'requirements-hashed.txt'),
    );
    expect(c.problems.filter((p) => p.kind !== 'missing').map((p) => `${p.package}: ${p.detail}`)).toEqual([
      'numpy: training pins 1.26.3, serving pins 1.26.4',
      'pandas: training pins 2.2.0, serving pins 2.2.1',
      'scikit-learn: training pins 1.4.0, serving pins 1.4.1.post1',
    ]);
    // conda's python-tzdata 2024.1 is PyPI's tzdata 2024.1: compared and equal.
    expect(c.problems.some((p) => p.package.includes('python-tzdata'))).toBe(false);
    expect(c.compared).toBe(18);
  });

  it('compares npm locks by package: the same set of installed copies is equal however they are nested', () => {
    const v2 = parsePackageLockText(lockText('package-lock-v2.json'), 'package-lock-v2.json');
    const v1 = parsePackageLockText(lockText('package-lock-v1.json'), 'package-lock-v1.json');
    const c = compareLocks(v2, v1);
    // Both hold long 4.0.0 (nested under tfjs-core) and long 5.2.3 (hoisted): no problem.
    expect(c.problems.some((p) => p.package === 'long')).toBe(false);
    expect(c.problems.filter((p) => p.kind !== 'missing')).toEqual([
      {
        package: 'flights-features',
        kind: 'unpinned',
        training: null,
        serving: { spec: 'flights-features@file:../flights-features', at: 'package-lock-v1.json:27' },
        detail: 'serving: file:../flights-features is a local folder or file; not in training',
      },
    ]);
    const bumped = parsePackageLockText(lockText('package-lock-v1.json').replace('"version": "4.0.0"', '"version": "4.0.1"'), 'v1.json');
    expect(compareLocks(v2, bumped).problems.find((p) => p.package === 'long')?.detail).toBe('training pins 4.0.0, 5.2.3, serving pins 4.0.1, 5.2.3');
  });

  it('across ecosystems, compares onnxruntime-node with the Python onnxruntime', () => {
    const npm = parsePackageLockText(lockText('package-lock-v3.json'), 'package-lock-v3.json');
    const c = compareLocks(req('onnxruntime==1.17.1\nnumpy==1.26.4\n'), npm);
    expect(c.problems.filter((p) => p.kind === 'mismatch')).toEqual([
      {
        package: 'onnxruntime / onnxruntime-node',
        kind: 'mismatch',
        training: { spec: 'onnxruntime==1.17.1', at: 'r.txt:1' },
        serving: { spec: 'onnxruntime-node@1.30.0', at: 'package-lock-v3.json:307' },
        detail: 'training pins 1.17.1, serving pins 1.30.0',
      },
    ]);
  });

  it('says when environment markers were left unevaluated in a mismatch', () => {
    const c = compareLocks(req('numpy==1.24.4; python_version < "3.9"\nnumpy==1.26.4; python_version >= "3.9"\n'), req('numpy==1.26.4\n'));
    expect(c.problems).toEqual([
      expect.objectContaining({ kind: 'mismatch', detail: 'training pins 1.24.4, 1.26.4, serving pins 1.26.4 (environment markers are not evaluated)' }),
    ]);
  });
  it('does not fail when serving installs another copy of a package beside every version training had (npm nests it for a new dependent), but does when a training version is gone', () => {
    const lock = (packages: Record<string, string>): LockFile =>
      parsePackageLockText(
        JSON.stringify({
          lockfileVersion: 3,
          packages: { '': {}, ...Object.fromEntries(Object.entries(packages).map(([path, version]) => [path, { version }])) },
        }),
        'package-lock.json',
      );
    const training = lock({ 'node_modules/protobufjs': '6.11.6', 'node_modules/onnx-proto': '8.0.1' });
    const nested = compareLocks(
      training,
      lock({ 'node_modules/protobufjs': '7.6.6', 'node_modules/onnx-proto': '8.0.1', 'node_modules/onnx-proto/node_modules/protobufjs': '6.11.6' }),
    );
    expect(nested.failed).toBe(false);
    expect(nested.problems).toEqual([
      expect.objectContaining({
        package: 'protobufjs',
        kind: 'missing',
        detail: "serving also installs 7.6.6 beside training's 6.11.6, for packages training did not have",
      }),
    ]);
    const replaced = compareLocks(training, lock({ 'node_modules/protobufjs': '7.6.6', 'node_modules/onnx-proto': '8.0.1' }));
    expect(replaced.failed).toBe(true);
    expect(replaced.problems[0]).toMatchObject({ package: 'protobufjs', kind: 'mismatch' });
  });
});
