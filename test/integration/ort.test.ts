import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyModel } from '../../src-main/engine/node/model/modelFolder';
import { fileModelStore } from '../../src-main/engine/node/model/modelStore';
import { openOrtInference } from '../../src-main/engine/node/ort/ortInference';
import { matrixModel, perFeatureModel, writeModelFolder } from '../support/models';
import { tempDir } from '../support/paths';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('onnxruntime-node inference (real ORT, CPU)', () => {
  it('runs a matrix-input model written by the project writer and returns P(positive)', async () => {
    const { inference, fallbackReason } = await openOrtInference(matrixModel([0.5, -2], 0.25), 'cpu');
    expect(fallbackReason).toBeNull();
    expect(inference.inputs).toEqual([{ name: 'features', type: 'float32', dims: ['N', 2] }]);
    const scores = await inference.run({ features: { type: 'float32', dims: [3, 2], data: Float32Array.of(1, 0, 0, 1, 2, 2) } });
    expect(Array.from(scores)).toEqual([sigmoid(0.75), sigmoid(-1.75), sigmoid(-2.75)].map((v) => expect.closeTo(v, 6)));
    await inference.close();
  });

  it('takes column 1 of an (N,2) output from a one-input-per-feature model', async () => {
    const { inference } = await openOrtInference(perFeatureModel(['distance', 'hour'], [0.001, 0.1], -1), 'cpu');
    expect(inference.inputs.map((i) => i.name)).toEqual(['distance', 'hour']);
    expect(inference.outputs).toEqual([{ name: 'probabilities', type: 'float32', dims: ['N', 2] }]);
    const scores = await inference.run({
      distance: { type: 'float32', dims: [2], data: Float32Array.of(1000, 0) },
      hour: { type: 'float32', dims: [2], data: Float32Array.of(0, 20) },
    });
    expect(Array.from(scores)).toEqual([sigmoid(0), sigmoid(1)].map((v) => expect.closeTo(v, 6)));
    await inference.close();
  });

  it('falls back from CUDA to CPU with the reason, since no CUDA provider is installed here', async () => {
    const { inference, fallbackReason } = await openOrtInference(matrixModel([1], 0), 'cuda');
    expect(inference.executionProvider).toBe('cpu');
    expect(fallbackReason).toMatch(/^CUDA execution provider unavailable \(.+\); running on CPU$/);
    await inference.close();
  });

  it('verifies digests before loading and reports a tampered file', () => {
    const dir = writeModelFolder(join(tempDir(), 'm'), matrixModel([1, 2], 0), { featureOrder: ['a', 'b'] });
    const good = verifyModel(dir);
    expect(good).toMatchObject({ verified: true, featureOrder: ['a', 'b'], message: 'all 2 file digests match' });
    writeFileSync(join(dir, 'model.onnx'), matrixModel([1, 3], 0));
    const bad = verifyModel(dir);
    expect(bad.verified).toBe(false);
    expect(bad.message).toMatch(/^digest mismatch: model\.onnx expected [0-9a-f]{64}, found [0-9a-f]{64}$/);
  });

  it('treats a bare .onnx file without a digest beside it as unverified', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lonely.onnx'), matrixModel([1], 0));
    expect(verifyModel(join(dir, 'lonely.onnx'))).toMatchObject({ verified: false, name: 'lonely', message: expect.stringContaining('no digest') });
  });

  it('refuses a file that is not ONNX with an input error naming it', async () => {
    const dir = tempDir();
    const path = join(dir, 'model.onnx');
    writeFileSync(path, 'this is not a model');
    const store = fileModelStore();
    await expect(store.load({ name: 'x', path, onnxPath: path, sha256: '', verified: true, files: [], message: '' }, 'cpu')).rejects.toMatchObject({
      name: 'InputError',
      where: path,
      problem: expect.stringContaining('expected an ONNX model'),
    });
  });
});
