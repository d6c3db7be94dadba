import { describe, expect, it } from 'vitest';
import type { FeatureBatch, Inference } from '../../src-main/engine/common/ports/inference';
import { measureRuntimeParity } from '../../src-main/engine/common/runtime/runtimeParity';
import { compareScores } from '../../src-main/engine/common/runtime/scoreParity';
import { memoryInference } from '../support/memoryPorts';

const batch = (rows: number[][]): FeatureBatch => ({ x: { type: 'float32', dims: [rows.length, rows[0]!.length], data: Float32Array.from(rows.flat()) } });

describe('score parity', () => {
  it('reports the largest and mean difference, and the decisions that flip at the threshold', () => {
    const parity = compareScores([0.1, 0.49, 0.5, 0.9], [0.1, 0.51, 0.499, 0.8], 0.5);
    expect(parity).toMatchObject({ rows: 4, flips: 2, flipRate: 0.5, nonFinite: 0 });
    expect(parity.maxAbsDiff).toBeCloseTo(0.1, 12);
    expect(parity.meanAbsDiff).toBeCloseTo((0 + 0.02 + 0.001 + 0.1) / 4, 12);
    expect(parity.worst).toEqual({ row: 3, reference: 0.9, candidate: 0.8 });
    expect(parity.flipExamples.map((e) => e.row)).toEqual([1, 2]);
  });

  it('counts a score exactly at the threshold as positive on both sides', () => {
    expect(compareScores([0.5], [0.5], 0.5).flips).toBe(0);
    expect(compareScores([0.5], [Math.fround(0.49999997)], 0.5).flips).toBe(1);
  });

  it('counts a non-finite score as a flip and keeps it out of the differences', () => {
    const parity = compareScores([0.2, 0.7], [Number.NaN, 0.7], 0.5);
    expect(parity).toMatchObject({ flips: 1, nonFinite: 1, maxAbsDiff: 0, flipExamples: [{ row: 0 }] });
  });

  it('refuses vectors of different lengths', () => {
    expect(() => compareScores([1, 2], [1], 0.5)).toThrow('expected the same number of scores from both runtimes, got 2 and 1');
  });
});

describe('runtime parity over the Inference port', () => {
  const rows = batch([
    [1, 0],
    [0, 1],
    [2, -1],
    [-1, 0.5],
  ]);

  it('passes two runtimes that score alike and fails one that does not, each compared with the first', async () => {
    const result = await measureRuntimeParity(
      'm',
      [
        { label: 'reference', inference: memoryInference([1, -1]) },
        { label: 'same', inference: memoryInference([1, -1]) },
        { label: 'flipped', inference: memoryInference([-1, 1]) },
      ],
      [rows, rows],
      { threshold: 0.5, flipTolerance: 0.25 },
    );
    expect(result.rows).toBe(8);
    expect(result.comparisons.map((c) => [c.reference, c.candidate, c.flips, c.passed])).toEqual([
      ['reference', 'same', 0, true],
      ['reference', 'flipped', 8, false],
    ]);
    expect(result.passed).toBe(false);
  });

  it('fails at a flip rate just above the tolerance and passes at it', async () => {
    const runtimes = [
      { label: 'a', inference: memoryInference([1, 0]) },
      { label: 'b', inference: memoryInference([1, -1]) },
    ];
    // Row 1 (0, 1) moves from sigmoid(0) = 0.5 (positive) to sigmoid(-1): one flip of four.
    expect((await measureRuntimeParity('m', runtimes, [rows], { threshold: 0.5, flipTolerance: 0.25 })).passed).toBe(true);
    expect((await measureRuntimeParity('m', runtimes, [rows], { threshold: 0.5, flipTolerance: 0.24 })).passed).toBe(false);
  });

  it('refuses fewer than two runtimes, no rows, and a runtime that returns the wrong number of scores', async () => {
    const one = [{ label: 'a', inference: memoryInference([1, 0]) }];
    await expect(measureRuntimeParity('m', one, [rows], { threshold: 0.5, flipTolerance: 0 })).rejects.toThrow('at least two runtimes of m, got 1');
    const two = [...one, { label: 'b', inference: memoryInference([1, 0]) }];
    await expect(measureRuntimeParity('m', two, [], { threshold: 0.5, flipTolerance: 0 })).rejects.toThrow('runtime parity of m got no rows to compare');
    const short: Inference = { ...memoryInference([1, 0]), run: async () => Float32Array.of(0.5) };
    await expect(measureRuntimeParity('m', [...one, { label: 'short', inference: short }], [rows], { threshold: 0.5, flipTolerance: 0 })).rejects.toThrow(
      'short returned 1 scores for a batch of 4 rows of m',
    );
  });
});
