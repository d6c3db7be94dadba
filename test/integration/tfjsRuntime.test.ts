/**
 * The demo folders' tfjs weights as a runtime: decoded into the same network the ONNX
 * export computes, run beside onnxruntime by the runtime store; a damaged weights file is named.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureBatch } from '../../src-main/engine/common/ports/inference';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { verifyModel } from '../../src-main/engine/node/model/modelFolder';
import { fileRuntimeStore } from '../../src-main/engine/node/runtime/runtimeStore';
import { openTfjsRuntime } from '../../src-main/engine/node/runtime/tfjsRuntime';
import { ROOT, tempDir } from '../support/paths';

/** Rows of plausible flight features: distance, hour, weekday, two airport codes (and a rate for green). */
function flights(rows: number, width: number, seed: number): FeatureBatch {
  const rng = seededRng(seed);
  const data = new Float32Array(rows * width);
  for (let i = 0; i < rows; i++) {
    const row = [
      100 + rng.next() * 2500,
      Math.floor(rng.next() * 24),
      Math.floor(rng.next() * 7),
      Math.floor(rng.next() * 200),
      Math.floor(rng.next() * 200),
      rng.next() * 0.5,
    ];
    data.set(row.slice(0, width), i * width);
  }
  return { features: { type: 'float32', dims: [rows, width], data } };
}

describe('the tfjs model of a demo folder', () => {
  it('computes what onnxruntime computes from the export, on every demo model', async () => {
    for (const [model, width] of [
      ['blue-v1', 5],
      ['green-v2', 6],
    ] as const) {
      const artifact = verifyModel(join(ROOT, 'scenarios/demo/models', model));
      const result = await fileRuntimeStore().parity(artifact, [flights(500, width, 1), flights(500, width, 2)], { threshold: 0.5, flipTolerance: 0.001 });
      expect(result.rows).toBe(1000);
      expect(result.comparisons.map((c) => c.candidate)).toEqual([
        'onnxruntime-node 1.30.0 on cpu, graph optimizations all',
        '@tensorflow/tfjs 4.22.0 (cpu backend), the weights training saved',
      ]);
      const tfjs = result.comparisons[1]!;
      expect(tfjs.maxAbsDiff).toBeGreaterThan(0); // two runtimes' float32 kernels, not one run twice
      expect(tfjs.maxAbsDiff).toBeLessThan(1e-5);
      expect(result.passed).toBe(true);
    }
  });

  it('names the weights file when it does not fit the layout in the card', async () => {
    const folder = join(tempDir(), 'blue-v1');
    cpSync(join(ROOT, 'scenarios/demo/models/blue-v1'), folder, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(folder, 'tfjs/weights.json'), 'utf8')) as {
      weightsManifest: { weights: { name: string; shape: number[] }[] }[];
    };
    manifest.weightsManifest[0]!.weights[0]!.shape = [23, 4];
    writeFileSync(join(folder, 'tfjs/weights.json'), JSON.stringify(manifest));
    await expect(openTfjsRuntime(folder)).rejects.toThrow(`${join(folder, 'tfjs/weights.json')}: expected the tfjs weights of this model`);
  });
});
