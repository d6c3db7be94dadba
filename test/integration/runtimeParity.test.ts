/** Runtime parity with real onnxruntime-node on models written by the project's ONNX writer. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureBatch } from '../../src-main/engine/common/ports/inference';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { DEFAULT_FLIP_TOLERANCE } from '../../src-main/engine/common/runtime/runtimeParity';
import { openOrtInference } from '../../src-main/engine/node/ort/ortInference';
import { ortRuntimeParity } from '../../src-main/engine/node/runtime/ortRuntimeParity';
import { matrixModel, mlpModel, writeModelFolder } from '../support/models';
import { tempDir } from '../support/paths';

const FEATURES = 16;

/** `count` batches of `rows` standard-normal-ish rows (sum of uniforms), the same for every seed. */
function batches(count: number, rows: number, seed: number): FeatureBatch[] {
  const rng = seededRng(seed);
  return Array.from({ length: count }, () => ({
    features: {
      type: 'float32',
      dims: [rows, FEATURES],
      data: Float32Array.from({ length: rows * FEATURES }, () => (rng.next() + rng.next() + rng.next() - 1.5) * 2),
    },
  }));
}

describe('runtime parity (real onnxruntime-node)', () => {
  it('finds the unoptimised and the fully optimised graph within tolerance, and reports the numbers', async () => {
    const model = writeModelFolder(join(tempDir(), 'mlp'), mlpModel(FEATURES, 64, 7));
    const result = await ortRuntimeParity(model, batches(8, 500, 1), { threshold: 0.5, flipTolerance: DEFAULT_FLIP_TOLERANCE });
    expect(result.rows).toBe(4000);
    expect(result.comparisons).toHaveLength(1);
    const [c] = result.comparisons;
    expect(c!.reference).toMatch(/^onnxruntime-node \d+\.\d+\.\d+ on cpu, graph optimizations disabled$/);
    expect(c!.candidate).toMatch(/graph optimizations all$/);
    // The fused Gelu kernel rounds differently from Div/Erf/Add/Mul/Mul: float32 rounding, never more.
    expect(c!.maxAbsDiff).toBeLessThan(1e-5);
    expect(c!.meanAbsDiff).toBeLessThanOrEqual(c!.maxAbsDiff);
    expect(c!.nonFinite).toBe(0);
    expect(c!.flipRate).toBeLessThanOrEqual(DEFAULT_FLIP_TOLERANCE);
    expect(result.passed).toBe(true);
    // The scores span the threshold, so a flip was possible.
    expect(c!.worst).not.toBeNull();
  });

  it('fails when a second runtime computes another model: many decisions flip', async () => {
    const model = writeModelFolder(join(tempDir(), 'mlp'), mlpModel(FEATURES, 64, 7));
    const { inference: retrained } = await openOrtInference(mlpModel(FEATURES, 64, 8), 'cpu');
    try {
      const result = await ortRuntimeParity(model, batches(4, 500, 2), { threshold: 0.5, flipTolerance: DEFAULT_FLIP_TOLERANCE }, [
        { label: 'a model retrained with another seed', inference: retrained },
      ]);
      expect(result.comparisons.map((c) => c.candidate)).toEqual([expect.stringMatching(/graph optimizations all$/), 'a model retrained with another seed']);
      const other = result.comparisons[1]!;
      expect(other.flipRate).toBeGreaterThan(0.1);
      expect(other.flipExamples).toHaveLength(5);
      for (const example of other.flipExamples) {
        expect(example.reference! >= 0.5).not.toBe(example.candidate! >= 0.5);
      }
      expect(other.passed).toBe(false);
      expect(result.comparisons[0]!.passed).toBe(true);
      expect(result.passed).toBe(false);
    } finally {
      await retrained.close();
    }
  });

  it('catches a slightly different model by its score difference, and by flips once the tolerance is tight', async () => {
    const weights = Array.from({ length: FEATURES }, (_, i) => (i % 3) - 1);
    const model = writeModelFolder(join(tempDir(), 'lr'), matrixModel(weights, 0));
    const { inference: nudged } = await openOrtInference(
      matrixModel(
        weights.map((w) => w * 1.01),
        0,
      ),
      'cpu',
    );
    try {
      const result = await ortRuntimeParity(model, batches(4, 500, 3), { threshold: 0.6, flipTolerance: 0 }, [
        { label: 'weights scaled by 1.01', inference: nudged },
      ]);
      const other = result.comparisons[1]!;
      expect(other.maxAbsDiff).toBeGreaterThan(1e-3);
      expect(other.flips).toBeGreaterThan(0);
      expect(other.passed).toBe(false);
    } finally {
      await nudged.close();
    }
  });
});
