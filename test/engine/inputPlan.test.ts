import { describe, expect, it } from 'vitest';
import { buildBatch, inputKindProblems, planInputs } from '../../src-main/engine/common/features/inputPlan';

const matrix = [{ name: 'x', type: 'float32', dims: ['N', 2] as (string | number)[] }];

describe('input plan', () => {
  it('feeds a matrix input from a column list in order', () => {
    const result = planInputs(matrix, ['b', 'a'], undefined, ['a', 'b']);
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    const batch = buildBatch(result.plan, {
      rowCount: 2,
      eventTime: new Float64Array(2),
      label: null,
      columns: {
        a: { kind: 'number', values: Float64Array.of(1, 2), valid: Uint8Array.of(1, 1) },
        b: { kind: 'number', values: Float64Array.of(10, 20), valid: Uint8Array.of(1, 0) },
      },
    });
    expect(batch['x']!.dims).toEqual([2, 2]);
    expect(Array.from(batch['x']!.data as Float32Array)).toEqual([10, 1, Number.NaN, 2]);
  });

  it('uses the model card order when the scenario gives none', () => {
    const result = planInputs(matrix, undefined, ['a', 'b'], ['a', 'b']);
    expect(result.ok && result.plan.bindings[0]!.columns).toEqual(['a', 'b']);
  });

  it('matches per-feature inputs by name, or through a mapping', () => {
    const inputs = [
      { name: 'distance', type: 'float64', dims: ['N'] },
      { name: 'hour', type: 'int64', dims: ['N', 1] },
    ];
    const result = planInputs(inputs, { hour: 'dep_hour' }, undefined, ['distance', 'dep_hour']);
    expect(result.ok && result.plan.bindings.map((b) => [b.input, b.columns[0], b.layout])).toEqual([
      ['distance', 'distance', 'vector'],
      ['hour', 'dep_hour', 'column'],
    ]);
  });

  it('names a missing feature, listing expected and found', () => {
    const result = planInputs(matrix, ['a', 'c'], undefined, ['a', 'b']);
    expect(result).toEqual({ ok: false, problems: ['missing feature "c": expected in the snapshot, found columns: a, b'] });
  });

  it('names a wrong width', () => {
    const result = planInputs(matrix, ['a', 'b', 'c'], undefined, ['a', 'b', 'c']);
    expect(!result.ok && result.problems[0]).toBe('input "x": expected 2 features (width of [N, 2]), found 3 columns: a, b, c');
  });

  it('names a wrong dtype', () => {
    const result = planInputs([{ name: 'x', type: 'string', dims: ['N', 1] }], ['a'], undefined, ['a']);
    expect(!result.ok && result.problems[0]).toBe('input "x": expected a float, double or int64 tensor, found string');
  });

  it('names a mapping to an input the model does not have', () => {
    const result = planInputs([{ name: 'a', type: 'float32', dims: ['N'] }], { z: 'a' }, undefined, ['a']);
    expect(!result.ok && result.problems).toContain('mapping names input "z", which the model does not have; its inputs are: a');
  });

  it('refuses a column list for a model with several inputs', () => {
    const result = planInputs(
      [
        { name: 'a', type: 'float32', dims: ['N'] },
        { name: 'b', type: 'float32', dims: ['N'] },
      ],
      ['a', 'b'],
      undefined,
      ['a', 'b'],
    );
    expect(!result.ok && result.problems[0]).toContain('map each input to a column by name');
  });

  it('refuses text, dates and timestamps fed to a numeric input, and lets numbers and booleans through', () => {
    const planned = planInputs(matrix, ['a', 'b'], undefined, ['a', 'b']);
    expect(planned.ok).toBe(true);
    if (!planned.ok) {
      return;
    }
    const kinds = (a: string, b: string) =>
      inputKindProblems(
        planned.plan,
        [
          { name: 'a', type: a },
          { name: 'b', type: b },
        ],
        'f.parquet',
      );
    expect(kinds('DOUBLE', 'BOOLEAN')).toEqual([]);
    expect(kinds('BIGINT', 'DECIMAL(9,2)')).toEqual([]);
    expect(kinds('VARCHAR', 'DOUBLE')).toEqual(['column "a" of f.parquet is text (VARCHAR), but input "x" expects numbers']);
    expect(kinds('DOUBLE', 'DATE')[0]).toMatch(
      /^column "b" of f.parquet is a DATE, but input "x" expects numbers: a time would reach the model as epoch milliseconds/,
    );
    expect(kinds('TIMESTAMP', 'INTEGER[]')).toHaveLength(2);
  });
});
