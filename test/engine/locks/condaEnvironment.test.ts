import { describe, expect, it } from 'vitest';
import { parseCondaEnvironmentText } from '../../../src-main/engine/common/locks/condaEnvironment';
import { expectInputError, lockText } from './fixtures';

const parse = (text: string) => parseCondaEnvironmentText(text, 'env.yml');

describe('conda environment.yml', () => {
  it('reads a conda env export: name=version=build pins, and the nested pip list as PyPI requirements', () => {
    const lock = parseCondaEnvironmentText(lockText('environment.yml'), 'environment.yml');
    expect(lock.format).toBe('conda');
    expect(lock.entries).toHaveLength(51);
    expect(lock.entries.filter((e) => e.ecosystem === 'pypi')).toHaveLength(10);
    expect(lock.entries.every((e) => e.pin.kind === 'exact')).toBe(true);
    expect(lock.entries.find((e) => e.name === 'numpy')).toMatchObject({
      ecosystem: 'conda',
      line: 28,
      pin: { kind: 'exact', version: '1.26.3', build: 'py311h64a7726_0' },
    });
    expect(lock.entries.find((e) => e.name === 'onnxruntime')).toMatchObject({ ecosystem: 'pypi', line: 53, pin: { kind: 'exact', version: '1.17.1' } });
    // conda's python-tzdata is PyPI's tzdata; conda's tzdata is the IANA database, kept apart.
    expect(lock.entries.find((e) => e.name === 'python-tzdata')?.key).toBe('tzdata');
    expect(lock.entries.find((e) => e.name === 'tzdata')?.key).toBe('conda:tzdata');
  });

  it('reads a hand-written environment: a prefix match, ranges, a channel, conda list columns, a bare name, a pip include', () => {
    const lock = parseCondaEnvironmentText(lockText('environment-loose.yml'), 'environment-loose.yml');
    const by = (name: string) => lock.entries.find((e) => e.name === name)!;
    expect(by('python').pin).toEqual({ kind: 'range', reason: 'conda reads =3.11 as 3.11.* (a prefix match); pin with ==3.11 or =3.11=<build>' });
    expect(by('numpy').pin).toEqual({ kind: 'range', reason: '>=1.26 admits more than one version' });
    expect(by('pandas')).toMatchObject({ spec: 'conda-forge::pandas==2.2.1', pin: { kind: 'exact', version: '2.2.1' } });
    expect(by('scipy').pin).toEqual({ kind: 'exact', version: '1.12.0', build: 'py311h64a7726_2' });
    expect(by('scikit-learn').pin).toEqual({ kind: 'unpinned', reason: 'no version' });
    expect(by('onnxruntime')).toMatchObject({ ecosystem: 'pypi', pin: { kind: 'range' } });
    expect(lock.includes).toEqual([{ kind: 'requirements', target: 'requirements-base.txt', file: 'environment-loose.yml', line: 14 }]);
  });

  it.each([
    ['dependencies:\n  - numpy=1.26.4=*', { kind: 'range' }],
    ['dependencies:\n  - numpy==1.26.*', { kind: 'range' }],
    ['dependencies:\n  - numpy 1.26.4', { kind: 'exact', version: '1.26.4' }],
    ['dependencies:\n  - numpy >=1.26', { kind: 'range' }],
    ['dependencies:\n  - conda-forge/linux-64::numpy==1.26.4=py311h64a7726_0', { kind: 'exact', version: '1.26.4', build: 'py311h64a7726_0' }],
  ])('reads %j', (text, pin) => {
    expect(parse(text).entries[0]!.pin).toMatchObject(pin);
  });

  it.each([
    ['name: x\ndependencies:\n  - numpy\n   - scipy: [', 'env.yml:3', 'not valid YAML (Implicit keys need to be on a single line'],
    ['name: x\nchannels: [conda-forge]\n', 'env.yml:1', '"dependencies" is missing'],
    ['name: x\ndependencies: numpy\n', 'env.yml:2', '"dependencies" is not a list'],
    ['- numpy\n', 'env.yml:1', 'expected a conda environment: a mapping'],
    ['dependencies:\n  - numpy\n  - 3.11\n', 'env.yml:3', 'expected a conda spec'],
    ['dependencies:\n  - numpy\n  - npm:\n      - left-pad\n', 'env.yml:3', 'or a "pip:" list'],
    ['dependencies:\n  - pip:\n      - onnx==1.15.0\n      - {a: 1}\n', 'env.yml:4', 'expected a pip requirement string'],
    ['dependencies:\n  - pip:\n      - onnx=>1.15.0\n', 'env.yml:3', '"=>1.15.0" is not a version specifier'],
    ['dependencies:\n  - numpy[version=">=1.26"]\n', 'env.yml:2', 'bracketed match specs are not read'],
    ['dependencies:\n  - numpy@1.26\n', 'env.yml:2', '"numpy@1.26" is not a conda spec'],
    ['dependencies:\n  - =1.26\n', 'env.yml:2', 'does not start with a package name'],
  ])('refuses a bad environment (%#) naming the line', (text, where, problem) => {
    expectInputError(() => parse(text), where, problem);
  });
});
