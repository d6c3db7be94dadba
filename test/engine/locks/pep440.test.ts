import { describe, expect, it } from 'vitest';
import { pep503Name } from '../../../src-main/engine/common/locks/packageNames';
import { canonicalVersion } from '../../../src-main/engine/common/locks/pep440';
import { detectLockFormat } from '../../../src-main/engine/common/locks/parseLock';
import { VERSION_CASES } from './fixtures';

describe('PEP 440 versions and PEP 503 names', () => {
  it.each(VERSION_CASES)('canonical form of %j is %j', (version, canonical) => {
    expect(canonicalVersion(version)).toBe(canonical);
  });

  it.each([
    ['Scikit_Learn', 'scikit-learn'],
    ['zope.interface', 'zope-interface'],
    ['typing__extensions', 'typing-extensions'],
    ['PyYAML', 'pyyaml'],
    ['a-_.b', 'a-b'],
  ])('PEP 503 name of %s is %s', (name, normal) => {
    expect(pep503Name(name)).toBe(normal);
  });
});

describe('lock format detection', () => {
  it.each([
    ['package-lock.json', '{}', 'package-lock'],
    ['npm-shrinkwrap.json', '{}', 'package-lock'],
    ['training.lock', '  {\n  "lockfileVersion": 3', 'package-lock'],
    ['environment.yml', 'name: x', 'conda'],
    ['env.yaml', 'name: x', 'conda'],
    ['training.lock', 'name: x\nchannels: [conda-forge]\ndependencies:\n  - numpy', 'conda'],
    ['requirements.txt', 'numpy==1.26.4', 'requirements'],
    ['training.lock', '# pip freeze\nnumpy==1.26.4\n', 'requirements'],
  ] as const)('%s holding %j is %s', (name, text, format) => {
    expect(detectLockFormat(name, text)).toBe(format);
  });
});
