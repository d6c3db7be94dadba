/** The committed demo model folders are complete, verified, readable by the product and by onnx.checker. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceProfileSchema } from '../../src-main/engine/common/model/referenceProfile';
import { verifyModel } from '../../src-main/engine/node/model/modelFolder';
import { readOnnxInfo } from '../../src-main/engine/node/onnx/onnxInfo';
import { checkOnnxFile, onnxCheckerAvailable } from '../support/onnxChecker';
import { ROOT } from '../support/paths';
import { requireService } from '../support/services';

const MODELS = join(ROOT, 'scenarios/demo/models');

describe.each([
  ['blue-v1', 'flights-v1', 5],
  ['green-v2', 'flights-v2', 6],
])('the committed %s model folder', (name, spec, width) => {
  const folder = join(MODELS, name);

  it('lists every file in model.sha256 and every digest matches', () => {
    const artifact = verifyModel(folder);
    expect(artifact.verified).toBe(true);
    expect(artifact.files.map((f) => f.file)).toEqual(
      expect.arrayContaining(['model.onnx', 'model-card.json', 'reference.json', 'training.lock', 'serving/airports.json']),
    );
  });

  it('has a card with its feature spec, windows, held-out metrics, versions and backend', () => {
    const card = JSON.parse(readFileSync(join(folder, 'model-card.json'), 'utf8')) as Record<string, unknown>;
    expect(card).toMatchObject({
      featureSpec: spec,
      input: { dims: ['N', width] },
      training: { backend: 'cpu' },
      trainingLock: { format: 'package-lock (npm lockfileVersion 3)' },
    });
    const metrics = (card['metrics'] as { heldOut: { auc: number; logLoss: number; baseline: { logLoss: number } } }).heldOut;
    // Better than chance, and better than predicting the base rate for every flight.
    expect(metrics.auc).toBeGreaterThan(0.6);
    expect(metrics.logLoss).toBeLessThan(metrics.baseline.logLoss);
    expect((card['exportParity'] as { maxAbsDiff: number }).maxAbsDiff).toBeLessThan(1e-5);
  });

  it('has a reference profile in the documented format, a feature per input', () => {
    const reference = referenceProfileSchema.parse(JSON.parse(readFileSync(join(folder, 'reference.json'), 'utf8')));
    expect(reference.features).toHaveLength(width);
    expect(reference.features[1]).toMatchObject({ name: 'dep_hour', profile: { kind: 'categorical' } });
    expect(reference.prediction.quantiles.values).toHaveLength(101);
  });

  it('has a training lock shaped like package-lock.json, with exact versions', () => {
    const lock = JSON.parse(readFileSync(join(folder, 'training.lock'), 'utf8')) as { lockfileVersion: number; packages: Record<string, { version?: string }> };
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages['node_modules/@tensorflow/tfjs']?.version).toBe('4.22.0');
    expect(lock.packages['node_modules/@tensorflow/tfjs-backend-cpu']?.version).toBe('4.22.0');
  });

  it('is IR 8, opset 17, and passes onnx.checker', (context) => {
    expect(readOnnxInfo(readFileSync(join(folder, 'model.onnx')))).toMatchObject({
      irVersion: 8,
      opsets: [{ domain: '', version: 17 }],
      producerName: 'rehearsal demo:build',
    });
    requireService(context, onnxCheckerAvailable(), '/usr/bin/python3 cannot import onnx (apt-get install python3-onnx)');
    expect(checkOnnxFile(join(folder, 'model.onnx'))).toEqual({ ok: true, message: 'ok 8 17' });
  });
});
