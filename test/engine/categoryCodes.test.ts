/**
 * Category codes at the model server's door: a code its embedding does not have is refused (400)
 * naming the input, the value and the range, over /predict and OIP infer alike; a raw record's
 * codes are the serving pipeline's own; the metadata publishes the codes and the reference profile.
 */
import { describe, expect, it } from 'vitest';
import type { TensorInfo } from '../../src-main/contract/events';
import { servingPipeline } from '../../src-main/engine/common/features/featureSpec';
import type { PayloadProfile } from '../../src-main/engine/common/load/payloadProfile';
import { modelMetadata, parseInfer } from '../../src-main/engine/common/serving/openInference';
import { parsePredict } from '../../src-main/engine/common/serving/predictRequest';
import { problemMessage } from '../../src-main/engine/common/serving/requestProblem';
import { codeRanges, recordLayout, type ServedModel } from '../../src-main/engine/common/serving/servedModel';
import { smokeSpec } from '../../scenarios/smoke/features/smoke';

const probability: TensorInfo[] = [{ name: 'probability', type: 'float32', dims: ['N', 1] }];
const CATEGORICAL = [{ column: 1, name: 'dep_hour', cardinality: 24 }];

function served(inputs: TensorInfo[], spec: boolean, profile?: PayloadProfile): ServedModel {
  const layout = recordLayout(inputs, spec ? servingPipeline(smokeSpec, {}) : null, spec ? null : ['distance', 'dep_hour']);
  if (!layout.ok) {
    throw new Error(layout.problem);
  }
  return {
    name: 'm',
    version: 'v1',
    inputs,
    outputs: probability,
    maxBatch: 4,
    layout: layout.layout,
    codes: codeRanges(layout.layout, CATEGORICAL),
    ...(profile ? { profile } : {}),
  };
}

function problem(result: ReturnType<typeof parsePredict> | ReturnType<typeof parseInfer>): string {
  if (result.ok) {
    throw new Error('expected a refusal');
  }
  return problemMessage(result.problem);
}

const matrix: TensorInfo[] = [{ name: 'features', type: 'float32', dims: ['N', 2] }];

describe('category codes', () => {
  const model = served(matrix, false);

  it('refuses a code outside the embedding, a negative or a fractional one, naming the input, the value and the range', () => {
    expect(problem(parsePredict({ features: [337, 24] }, model))).toBe(
      'features: expected a category code of "dep_hour" (input "features", position 1) as an integer in 0..23, got 24',
    );
    expect(
      problem(
        parsePredict(
          {
            instances: [
              [337, 3],
              [337, -1],
            ],
          },
          model,
        ),
      ),
    ).toMatch(/^instances\[1\]: .*0\.\.23, got -1$/);
    expect(problem(parsePredict({ features: { distance: 337, dep_hour: 2.5 } }, model))).toMatch(/got 2\.5$/);
    const infer = parseInfer({ inputs: [{ name: 'features', shape: [2, 2], datatype: 'FP32', data: [337, 3, 337, 99] }] }, model);
    expect(problem(infer)).toBe('inputs[0].data: row 1: expected a category code of "dep_hour" (input "features", position 1) as an integer in 0..23, got 99');
  });

  it('takes codes in range, and the codes a serving pipeline computes from a raw record', () => {
    expect(
      parsePredict(
        {
          instances: [
            [337, 0],
            [337, 23],
          ],
        },
        model,
      ).ok,
    ).toBe(true);
    const spec = served(matrix, true);
    expect(parsePredict({ features: { date: '2001-03-01 23:05:00', distance: 337, origin: 'SFO' } }, spec).ok).toBe(true);
    expect(problem(parsePredict({ features: [0.337, 30] }, spec))).toMatch(/0\.\.23, got 30$/);
  });

  it('maps a categorical feature to the input of its name when the model takes one input per feature', () => {
    const perFeature: TensorInfo[] = [
      { name: 'distance', type: 'float32', dims: ['N', 1] },
      { name: 'dep_hour', type: 'int64', dims: ['N', 1] },
    ];
    const model = served(perFeature, false);
    expect(model.codes).toEqual([{ input: 'dep_hour', position: 0, name: 'dep_hour', count: 24 }]);
    expect(problem(parsePredict({ features: [337, 40] }, model))).toMatch(/input "dep_hour", position 0\) as an integer in 0\.\.23, got 40$/);
  });

  it('are published in the model metadata with the reference profile, beside the protocol fields', () => {
    const profile: PayloadProfile = {
      features: [
        { name: 'distance', kind: 'numeric', quantiles: [1, 2] },
        { name: 'dep_hour', kind: 'categorical', codes: [6], counts: [1] },
      ],
    };
    expect(modelMetadata(served(matrix, false, profile))).toMatchObject({
      name: 'm',
      parameters: { reference_profile: profile, category_codes: [{ input: 'features', position: 1, name: 'dep_hour', count: 24 }] },
    });
  });
});
