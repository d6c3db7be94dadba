import { describe, expect, it } from 'vitest';
import { dependencyPinningCheck, type DependencyPinningEvidence, type RuntimeEvidence } from '../../src-main/engine/common/checks/dependencyPinning';
import { compareLocks } from '../../src-main/engine/common/locks/compareLocks';
import { parseCondaEnvironmentText } from '../../src-main/engine/common/locks/condaEnvironment';
import { parseRequirementsText } from '../../src-main/engine/common/locks/requirements';
import { measureRuntimeParity } from '../../src-main/engine/common/runtime/runtimeParity';
import { lockText } from './locks/fixtures';
import { memoryInference } from '../support/memoryPorts';

const HASH = 'a'.repeat(64);
const digest = (name: string, verified = true, allowUnverified = false) => ({
  role: 'blue' as const,
  name,
  path: `/models/${name}`,
  verified,
  allowUnverified,
  files: [{ file: 'model.onnx', expected: verified ? HASH : 'b'.repeat(64), actual: HASH }],
  message: verified ? 'all 1 file digests match' : `digest mismatch: model.onnx expected ${'b'.repeat(64)}, found ${HASH}`,
});

const passingLock = compareLocks(
  parseRequirementsText(lockText('pip-freeze.txt'), 'pip-freeze.txt'),
  parseRequirementsText(lockText('requirements-hashed.txt'), 'requirements-hashed.txt'),
);
const failingLock = compareLocks(
  parseCondaEnvironmentText(lockText('environment.yml'), 'environment.yml'),
  parseRequirementsText(lockText('requirements-hashed.txt'), 'requirements-hashed.txt'),
);

const batch = { x: { type: 'float32' as const, dims: [4, 2], data: Float32Array.of(1, 0, 0, 1, 2, -1, -1, 0.5) } };
async function parity(candidate: number[]): Promise<RuntimeEvidence> {
  return {
    model: 'blue-v3',
    parity: await measureRuntimeParity(
      'blue-v3',
      [
        { label: 'ort disabled', inference: memoryInference([1, 0]) },
        { label: 'ort all', inference: memoryInference(candidate) },
      ],
      [batch],
      { threshold: 0.5, flipTolerance: 0.001 },
    ),
  };
}

async function evidence(overrides: Partial<DependencyPinningEvidence> = {}): Promise<DependencyPinningEvidence> {
  return { digests: [digest('blue-v3')], locks: [{ model: 'blue-v3', comparison: passingLock }], runtime: [await parity([1, 0])], ...overrides };
}

describe('the dependency-pinning check', () => {
  it('passes when digests match, locks agree and runtimes agree, with the numbers as evidence', async () => {
    const check = dependencyPinningCheck(await evidence());
    expect(check).toMatchObject({ id: 'dependency-pinning', status: 'PASS' });
    expect(check.observed).toBe(
      '1 of 1 models match their model.sha256. blue-v3: 18 packages compared, 0 unpinned, 0 ranges, 0 mismatched (11 on one side only). blue-v3: 4 rows through 2 runtimes, max |Δscore| 0, at most 0 decisions flipped (0%).',
    );
    expect(check.threshold).toBe(
      'Every model file matches its model.sha256; every package in the training and serving locks is pinned exactly (==, or =version=build in conda) to the same version; at most 0.1% of decisions flip between runtimes.',
    );
    expect(check.evidence).toContainEqual({ label: 'models matching model.sha256', value: 1, n: 1 });
    expect(check.evidence).toContainEqual({ label: 'blue-v3: packages compared (pip-freeze.txt against requirements-hashed.txt)', value: 18 });
    expect(check.evidence).toContainEqual({ label: 'blue-v3: packages on one side only (not failing)', value: 11 });
    expect(check.evidence).toContainEqual({ label: 'blue-v3: decision flips at 0.5, ort all', value: 0, n: 4 });
    expect(check.next).toBe('Nothing to do: keep the training lock beside the model and the serving lock in the image.');
  });

  it('fails on a model that scores NaN and says so first, rather than "0 decisions flipped"', async () => {
    const nan = memoryInference([Number.NaN, 0]);
    const parity = await measureRuntimeParity(
      'blue-v3',
      [
        { label: 'ort disabled', inference: nan },
        { label: 'ort all', inference: nan },
      ],
      [batch],
      { threshold: 0.5, flipTolerance: 0.001 },
    );
    const check = dependencyPinningCheck(await evidence({ runtime: [{ model: 'blue-v3', parity }] }));
    expect(check.status).toBe('FAIL');
    expect(check.observed).toContain(
      'blue-v3: the model scored NaN or Infinity for 4 of 4 rows (100%) on 2 runtimes, so its decisions cannot be compared there; on the finite rows, max |Δscore| 0, at most 0 decisions flipped (0%).',
    );
    expect(check.next).toBe(
      'Fix blue-v3: it outputs NaN or Infinity for some inputs (a log or a division that meets a value it was not trained on); score it with rehearse score to count them.',
    );
  });

  it('fails on a digest mismatch, naming the file with both digests', async () => {
    const check = dependencyPinningCheck(await evidence({ digests: [digest('blue-v3'), { ...digest('green-v4', false), role: 'green' }] }));
    expect(check.status).toBe('FAIL');
    expect(check.observed).toMatch(/^1 of 2 models match their model\.sha256 \(green-v4: digest mismatch: model\.onnx expected b{64}, found a{64}\)\./);
    expect(check.evidence).toContainEqual({ label: 'green-v4/model.onnx', value: `expected ${'b'.repeat(64)}, found ${HASH}` });
    expect(check.next).toContain('never serve a model whose digest does not match');
  });

  it('warns, never passes, when a model was loaded with --allow-unverified', async () => {
    const check = dependencyPinningCheck(await evidence({ digests: [digest('blue-v3', false, true)] }));
    expect(check.status).toBe('WARN');
    expect(check.evidence).toContainEqual({ label: 'blue-v3/model.onnx', value: `expected ${'b'.repeat(64)}, found ${HASH} (loaded: --allow-unverified)` });
    expect(check.next).toContain('Write a model.sha256 for blue-v3');
  });

  it('fails on a lock mismatch, naming the packages and what to pin', async () => {
    const check = dependencyPinningCheck(await evidence({ locks: [{ model: 'blue-v3', comparison: failingLock }] }));
    expect(check.status).toBe('FAIL');
    expect(check.observed).toContain('blue-v3: 18 packages compared, 0 unpinned, 0 ranges, 3 mismatched (33 on one side only).');
    expect(check.evidence).toContainEqual({ label: 'blue-v3: version mismatches', value: 3 });
    expect(check.evidence).toContainEqual({ label: 'blue-v3: numpy', value: 'mismatch: training pins 1.26.3, serving pins 1.26.4' });
    expect(check.next).toContain('Pin numpy, pandas, scikit-learn exactly, at the training version, in the serving lock');
  });

  it('fails when runtimes flip more decisions than the tolerance allows', async () => {
    const check = dependencyPinningCheck(await evidence({ runtime: [await parity([1, -1])] }));
    expect(check.status).toBe('FAIL');
    expect(check.observed).toContain('blue-v3: 4 rows through 2 runtimes, max |Δscore| 0.23, at most 1 decision flipped (25%).');
    expect(check.evidence).toContainEqual({ label: 'blue-v3: flip rate, ort all', value: 0.25, unit: 'share of rows (tolerance 0.001)', n: 4 });
    expect(check.next).toContain('validate it again on the serving runtime');
  });

  it('warns when a lock or runtime parity could not be checked, saying what to provide', async () => {
    const noLock = dependencyPinningCheck(await evidence({ locks: [{ model: 'blue-v3', unavailable: 'no training.lock in /models/blue-v3' }] }));
    expect(noLock.status).toBe('WARN');
    expect(noLock.observed).toContain('blue-v3: locks not compared (no training.lock in /models/blue-v3).');
    expect(noLock.next).toBe('Provide what was missing: blue-v3: no training.lock in /models/blue-v3.');
    const nothing = dependencyPinningCheck(await evidence({ locks: [], runtime: [] }));
    expect(nothing.status).toBe('WARN');
    expect(nothing.observed).toBe('1 of 1 models match their model.sha256. No lock was compared. Runtime parity was not measured.');
  });

  it('a failure outranks a warning', async () => {
    const check = dependencyPinningCheck(
      await evidence({ locks: [{ model: 'blue-v3', comparison: failingLock }], runtime: [{ model: 'blue-v3', unavailable: 'no inputs' }] }),
    );
    expect(check.status).toBe('FAIL');
  });

  it('is an ERROR when no model was verified', () => {
    expect(dependencyPinningCheck({ digests: [], locks: [], runtime: [] })).toMatchObject({
      status: 'ERROR',
      observed: 'No model was verified, so nothing was checked.',
    });
  });
});
