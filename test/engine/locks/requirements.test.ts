import { describe, expect, it } from 'vitest';
import { parseRequirementsText } from '../../../src-main/engine/common/locks/requirements';
import { expectInputError, lockText } from './fixtures';

const parse = (text: string) => parseRequirementsText(text, 'req.txt');

describe('requirements files and pip freeze output', () => {
  it('reads a pip freeze of a scientific stack: every line an exact pin, names normalised by PEP 503', () => {
    const lock = parseRequirementsText(lockText('pip-freeze.txt'), 'pip-freeze.txt');
    expect(lock.format).toBe('requirements');
    expect(lock.entries).toHaveLength(29);
    expect(lock.entries.every((e) => e.pin.kind === 'exact')).toBe(true);
    expect(lock.entries.find((e) => e.key === 'scikit-learn')).toMatchObject({
      name: 'scikit-learn',
      pin: { kind: 'exact', version: '1.4.1.post1' },
      line: 23,
      ecosystem: 'pypi',
    });
    expect(lock.includes).toEqual([]);
  });

  it('reads a hashed file as pip-compile writes it: continuation lines joined, hashes counted, "# via" comments skipped', () => {
    const lock = parseRequirementsText(lockText('requirements-hashed.txt'), 'requirements-hashed.txt');
    expect(lock.entries.map((e) => e.key)).toEqual([
      'coloredlogs',
      'flatbuffers',
      'humanfriendly',
      'joblib',
      'mpmath',
      'numpy',
      'onnxruntime',
      'packaging',
      'pandas',
      'protobuf',
      'python-dateutil',
      'pytz',
      'scikit-learn',
      'scipy',
      'six',
      'sympy',
      'threadpoolctl',
      'tzdata',
    ]);
    const numpy = lock.entries.find((e) => e.key === 'numpy')!;
    // A logical line is numbered by its first physical line, as pip numbers it.
    expect(numpy).toMatchObject({ line: 27, hashes: 7, spec: 'numpy==1.26.4', pin: { kind: 'exact', version: '1.26.4' } });
    expect(lock.entries.every((e) => (e.hashes ?? 0) >= 2)).toBe(true);
  });

  it('reads a hand-written file: ranges, ~=, wildcards, extras, markers, VCS and URL requirements, -e, includes, index options', () => {
    const lock = parseRequirementsText(lockText('requirements-serving.txt'), 'requirements-serving.txt');
    const by = (key: string) => lock.entries.find((e) => e.key === key)!;
    expect(by('numpy').pin).toEqual({ kind: 'exact', version: '1.26.4' });
    expect(by('onnxruntime').pin).toEqual({ kind: 'range', reason: '>=1.17,<1.18 admits more than one version' });
    expect(by('scikit-learn').pin.kind).toBe('range');
    expect(by('scipy').pin).toEqual({ kind: 'range', reason: '==1.12.* admits more than one version' });
    expect(by('fastapi').pin).toEqual({ kind: 'unpinned', reason: 'no version specifier' });
    expect(by('pandas')).toMatchObject({
      spec: 'pandas[performance]==2.2.1; python_version < "3.12"',
      marker: 'python_version < "3.12"',
      pin: { kind: 'exact', version: '2.2.1' },
    });
    expect(by('uvicorn')).toMatchObject({ spec: 'uvicorn[standard]>=0.27', pin: { kind: 'range' } });
    expect(by('skl2onnx').pin).toEqual({ kind: 'exact', version: 'git+https://github.com/onnx/sklearn-onnx.git@3b8d5e5a1c7a0f0b8b7a36c5b2a7ef1a4b6d7e21' });
    expect(by('onnxconverter-common').pin).toEqual({ kind: 'unpinned', reason: 'a VCS reference at "main", not a commit hash, can move' });
    expect(by('featurekit').pin).toEqual({ kind: 'exact', version: '0.4.2' });
    expect(by('./libs/flights-features')).toMatchObject({ spec: '-e ./libs/flights-features', line: 18, pin: { kind: 'unpinned' } });
    expect(lock.includes).toEqual([
      { kind: 'requirements', target: 'requirements-base.txt', file: 'requirements-serving.txt', line: 5 },
      { kind: 'constraints', target: 'constraints.txt', file: 'requirements-serving.txt', line: 6 },
    ]);
    // Credentials in an index URL never reach the output.
    expect(lock.notes).toEqual([
      'requirements-serving.txt:2: --index-url https://pypi.org/simple',
      'requirements-serving.txt:3: --extra-index-url https://***@pypi.internal.example.com/simple',
    ]);
  });

  it('reads pip freeze from a conda environment: file URLs, wheels with versions, editable folders and VCS checkouts', () => {
    const lock = parseRequirementsText(lockText('pip-freeze-conda.txt'), 'pip-freeze-conda.txt');
    const by = (key: string) => lock.entries.find((e) => e.key === key)!;
    expect(by('bottleneck')).toMatchObject({ name: 'Bottleneck', pin: { kind: 'unpinned' } });
    expect(by('numpy').pin).toEqual({ kind: 'exact', version: '1.26.4' });
    expect(by('scipy').pin).toEqual({ kind: 'exact', version: '1.11.4' });
    // The name comes from the comment pip freeze writes above an editable folder.
    expect(by('flights-features')).toMatchObject({
      line: 4,
      pin: { kind: 'unpinned', reason: expect.stringContaining('(flights-features==0.4.2 when frozen) runs whatever is on disk') },
    });
    expect(by('flights-model')).toMatchObject({
      name: 'flights_model',
      pin: { kind: 'exact', version: 'git+https://github.com/analyst/flights-model.git@5f0c1e2d3b4a59687a8b9c0d1e2f3a4b5c6d7e8f' },
    });
    expect(lock.entries).toHaveLength(18);
  });

  it('keeps no credential of a URL, in a spec, a pin or a note; git@ stays', () => {
    const sha = '5f0c1e2d3b4a59687a8b9c0d1e2f3a4b5c6d7e8f';
    const lock = parse(
      `featurekit @ https://deploy:s3cr3t@files.example.org/featurekit-0.4.2-py3-none-any.whl\n-e git+ssh://git@github.com/o/r.git@${sha}#egg=r\nx @ git+https://ghp_T0KEN@github.com/o/x.git@${sha}\n--index-url https://T0KEN@pypi.example.com/simple\n`,
    );
    expect(JSON.stringify(lock)).not.toMatch(/s3cr3t|T0KEN/);
    expect(lock.entries.map((e) => e.spec)).toEqual([
      'featurekit @ https://***@files.example.org/featurekit-0.4.2-py3-none-any.whl',
      `-e git+ssh://git@github.com/o/r.git@${sha}#egg=r`,
      `x @ git+https://***@github.com/o/x.git@${sha}`,
    ]);
    expect(lock.notes).toEqual(['req.txt:4: --index-url https://***@pypi.example.com/simple']);
  });

  it.each([
    ['-r base.txt', { kind: 'requirements', target: 'base.txt' }],
    ['-rbase.txt', { kind: 'requirements', target: 'base.txt' }],
    ['--requirement=base.txt', { kind: 'requirements', target: 'base.txt' }],
    ['--constraint c.txt', { kind: 'constraints', target: 'c.txt' }],
  ])('reads the include %s', (line, include) => {
    expect(parse(line).includes).toEqual([{ ...include, file: 'req.txt', line: 1 }]);
  });

  it('treats === as an exact pin, and parenthesised specifiers, bare wheel paths and CRLF line ends as pip does', () => {
    const lock = parse('legacy===1.0-custom\r\nzope.interface (==6.1)\r\n./wheels/numpy-1.26.4-cp311-cp311-linux_x86_64.whl\r\n');
    expect(lock.entries.map((e) => [e.key, e.pin])).toEqual([
      ['legacy', { kind: 'exact', version: '1.0-custom' }],
      ['zope-interface', { kind: 'exact', version: '6.1' }],
      ['numpy', { kind: 'exact', version: '1.26.4' }],
    ]);
  });

  it('ends a continuation at a comment line and at the end of the file, as pip does', () => {
    const lock = parse('numpy==1.26.4 \\\n# a comment ends it\nscipy==1.12.0 \\\n    --hash=sha256:ab12\\');
    expect(lock.entries.map((e) => [e.key, e.line, e.hashes ?? 0])).toEqual([
      ['numpy', 1, 0],
      ['scipy', 3, 1],
    ]);
  });

  it.each([
    ['numpy=>1.0', 'req.txt:1', '"=>1.0" is not a version specifier'],
    ['\n\nnumpy==1.0 --hash=sha256', 'req.txt:3', '"--hash=sha256" is not a hash: expected --hash=sha256:<hex digest>'],
    ['numpy==1.0 --no-deps', 'req.txt:1', 'unknown option "--no-deps" after a requirement'],
    ['--frobnicate', 'req.txt:1', 'unknown option "--frobnicate"'],
    ['-r', 'req.txt:1', '-r needs a value'],
    ['numpy[fast==1.0', 'req.txt:1', 'the extras of numpy are not closed with "]"'],
    ['numpy @', 'req.txt:1', 'expected a URL after "numpy @"'],
    ['numpy==1.0;', 'req.txt:1', 'expected an environment marker after ";"'],
    ['-r a.txt b.txt', 'req.txt:1', 'expected one option per line'],
    ['==1.0', 'req.txt:1', 'does not start with a package name'],
    ['numpy==1.0 \\\n  --hash', 'req.txt:1', '--hash needs a value'],
  ])('refuses %j naming the line and what was expected', (text, where, problem) => {
    expectInputError(() => parse(text), where, problem);
  });
});
