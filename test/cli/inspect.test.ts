import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearse } from '../support/cli';
import { perFeatureModel } from '../support/models';
import { ROOT, tempDir } from '../support/paths';

describe('rehearse inspect', () => {
  it('describes a model folder: inputs, outputs, opset, producer, sha256, digests, card', () => {
    const result = rehearse(['inspect', 'scenarios/demo/models/blue-v1']);
    expect(result.code).toBe(0);
    const sha = createHash('sha256')
      .update(readFileSync(join(ROOT, 'scenarios/demo/models/blue-v1/model.onnx')))
      .digest('hex');
    expect(result.stdout).toContain(`sha256    ${sha}`);
    expect(result.stdout).toContain('inputs    features float32 [N, 5]');
    expect(result.stdout).toContain('outputs   probability float32 [N, 1]');
    expect(result.stdout).toContain('format    IR 8, opset ai.onnx 17');
    expect(result.stdout).toContain('producer  rehearsal demo:build');
    expect(result.stdout).toContain('digests   all 8 file digests match');
    expect(result.stdout).toContain('card      blue-v1: feature spec flights-v1 (distance, dep_hour, dep_weekday, origin_index, destination_index)');
  });

  it('prints only JSON with --json, for a bare .onnx file of another layout', () => {
    const path = join(tempDir(), 'byo.onnx');
    writeFileSync(path, perFeatureModel(['distance', 'hour'], [0.001, 0.1], -1));
    const result = rehearse(['inspect', path, '--json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      onnxPath: path,
      digest: { verified: false, message: expect.stringContaining('no digest') },
      onnx: { irVersion: 8, opsets: [{ domain: '', version: 17 }], producerName: 'rehearsal-test' },
      inputs: [
        { name: 'distance', type: 'float32', dims: ['N'] },
        { name: 'hour', type: 'float32', dims: ['N'] },
      ],
      outputs: [{ name: 'probabilities', type: 'float32', dims: ['N', 2] }],
      card: null,
    });
  });

  it('exits 2 naming a file that is not ONNX, and one that does not exist', () => {
    const notOnnx = rehearse(['inspect', 'test/fixtures/not-onnx/model.onnx']);
    expect(notOnnx.code).toBe(2);
    expect(notOnnx.stderr).toContain('test/fixtures/not-onnx/model.onnx: expected an ONNX model');
    const missing = rehearse(['inspect', 'nowhere.onnx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.onnx: model not found');
  });
});
