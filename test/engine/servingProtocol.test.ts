/** Request bodies at the model server's door: every form, and every refusal names its field. */
import { describe, expect, it } from 'vitest';
import type { TensorInfo } from '../../src-main/contract/events';
import { servingPipeline } from '../../src-main/engine/common/features/featureSpec';
import { smokeSpec } from '../../scenarios/smoke/features/smoke';
import { inferResponse, modelMetadata, parseInfer } from '../../src-main/engine/common/serving/openInference';
import { parsePredict } from '../../src-main/engine/common/serving/predictRequest';
import { problemMessage } from '../../src-main/engine/common/serving/requestProblem';
import { recordLayout, type ServedModel } from '../../src-main/engine/common/serving/servedModel';
import { stackBlocks } from '../../src-main/engine/common/serving/rowBlock';

const matrix: TensorInfo[] = [{ name: 'features', type: 'float32', dims: ['N', 2] }];
const probability: TensorInfo[] = [{ name: 'probability', type: 'float32', dims: ['N', 1] }];

function served(inputs: TensorInfo[], options: { spec?: boolean; featureOrder?: string[] } = {}): ServedModel {
  const layout = recordLayout(inputs, options.spec ? servingPipeline(smokeSpec, {}) : null, options.featureOrder ?? null);
  if (!layout.ok) {
    throw new Error(layout.problem);
  }
  return { name: 'm', version: 'v1', inputs, outputs: probability, maxBatch: 4, layout: layout.layout };
}

function problem(result: ReturnType<typeof parsePredict> | ReturnType<typeof parseInfer>): string {
  if (result.ok) {
    throw new Error('expected a refusal');
  }
  return problemMessage(result.problem);
}

describe('/predict bodies', () => {
  const smoke = served(matrix, { spec: true });

  it("runs a raw record through the model's serving pipeline", () => {
    const parsed = parsePredict({ features: { date: '2001-03-01 06:05:00', distance: 337, origin: 'SFO' } }, smoke);
    expect(parsed).toEqual({
      ok: true,
      value: { many: false, block: { rows: 1, tensors: { features: { type: 'float32', dims: [1, 2], data: Float32Array.of(0.337, 6) } } } },
    });
  });

  it("takes the seed's numeric form in input order, and instances of either form", () => {
    expect(parsePredict({ features: [0.337, 6] }, smoke)).toMatchObject({ ok: true, value: { many: false, block: { rows: 1 } } });
    const many = parsePredict({ instances: [{ date: '2001-03-01T17:45:00', distance: 2500 }, [1, 2]] }, smoke);
    expect(many.ok && many.value.block.tensors['features']!.data).toEqual(Float32Array.of(2.5, 17, 1, 2));
    expect(many.ok && many.value.many).toBe(true);
  });

  it("reads named fields by the card's feature order, or by input name, when there is no spec", () => {
    const ordered = served(matrix, { featureOrder: ['a', 'b'] });
    expect(parsePredict({ features: { b: 2, a: 1 } }, ordered)).toMatchObject({
      ok: true,
      value: { block: { tensors: { features: { data: Float32Array.of(1, 2) } } } },
    });
    const columns = served([
      { name: 'x', type: 'float32', dims: ['N'] },
      { name: 'k', type: 'int64', dims: ['N', 1] },
    ]);
    const parsed = parsePredict({ instances: [{ x: 0.5, k: 3 }, [1.5, 4]] }, columns);
    expect(parsed.ok && parsed.value.block.tensors).toEqual({
      x: { type: 'float32', dims: [2], data: Float32Array.of(0.5, 1.5) },
      k: { type: 'int64', dims: [2, 1], data: BigInt64Array.of(3n, 4n) },
    });
    expect(problem(parsePredict({ features: [1.5, 2.5] }, columns))).toBe(
      "features: expected integers (the model's input is int64; inputs in order: x, k), got 2.5 at position 1",
    );
  });

  it.each([
    [{ features: { date: '2001-03-01 06:05:00' } }, 'features.distance: expected a number, found nothing (the field is missing)'],
    [{ features: { date: 'yesterday', distance: 3 } }, 'features.date: expected a timestamp such as 2001-03-01 06:05:00, found string "yesterday"'],
    [{ features: [1, 2, 3] }, 'features: expected 2 numbers (features in order: distance_k, dep_hour), got 3'],
    [{ features: [1, 'two'] }, 'features[1]: expected number, got string'],
    [{ features: { distance: { miles: 3 } } }, 'features.distance: expected string, number, boolean or null, got object'],
    [{ instances: [[1, 2], { date: '2001-03-01 06:05:00' }] }, 'instances[1].distance: expected a number, found nothing (the field is missing)'],
    [{ instances: [] }, 'instances: expected at least 1 items'],
    [
      {
        instances: [
          [1, 2],
          [1, 2],
          [1, 2],
          [1, 2],
          [1, 2],
        ],
      },
      "instances: expected at most 4 instances (the server's max batch), got 5",
    ],
    [{ features: 'hello' }, 'features: expected a record object {field: value, ...} or a list of numbers'],
    [{ feature: [1, 2] }, 'feature: unknown key'],
    [{}, 'expected {"features": {field: value, ...}}, {"features": [numbers in input order]} or {"instances": [...]}'],
    [[1, 2], 'expected {"features": {field: value, ...}}, {"features": [numbers in input order]} or {"instances": [...]}'],
  ])('refuses %j: %s', (body, message) => {
    expect(problem(parsePredict(body, smoke))).toBe(message);
  });

  it('says a model without a spec or feature order takes numbers only', () => {
    expect(problem(parsePredict({ features: { a: 1 } }, served(matrix)))).toBe(
      'features: expected a list of 2 numbers: the model has no feature spec or feature order to read named fields by',
    );
  });

  it("refuses a spec whose features do not fit the model's input", () => {
    expect(recordLayout([{ name: 'features', type: 'float32', dims: ['N', 3] }], servingPipeline(smokeSpec, {}), null)).toEqual({
      ok: false,
      problem: 'feature spec smoke-v1 feeds one float32 [N, 2] input; the model has: features float32 [N, 3]',
    });
  });
});

describe('Open Inference Protocol', () => {
  const model = served(matrix);

  it('describes the model with -1 for symbolic dimensions', () => {
    expect(modelMetadata(model)).toEqual({
      name: 'm',
      versions: ['v1'],
      platform: 'onnxruntime_onnx',
      inputs: [{ name: 'features', datatype: 'FP32', shape: [-1, 2] }],
      outputs: [{ name: 'probability', datatype: 'FP32', shape: [-1, 1] }],
    });
  });

  it('takes flat or nested data and answers with its rows cut from the batch', () => {
    const flat = parseInfer({ id: 'r1', inputs: [{ name: 'features', shape: [2, 2], datatype: 'FP32', data: [1, 2, 3, 4] }] }, model);
    const nested = parseInfer({ inputs: [{ name: 'features', shape: [1, 2], datatype: 'FP32', data: [[5, 6]] }], outputs: [{ name: 'probability' }] }, model);
    expect(flat.ok && nested.ok).toBe(true);
    if (!flat.ok || !nested.ok) {
      return;
    }
    const stacked = stackBlocks([flat.value.block, nested.value.block]);
    expect(stacked['features']).toEqual({ type: 'float32', dims: [3, 2], data: Float32Array.of(1, 2, 3, 4, 5, 6) });
    const outputs = { probability: { type: 'float32', dims: [3, 1], data: Float32Array.of(0.25, 0.5, 0.75) } };
    expect(inferResponse(model, nested.value, outputs, 2)).toEqual({
      model_name: 'm',
      model_version: 'v1',
      outputs: [{ name: 'probability', datatype: 'FP32', shape: [1, 1], data: [0.75] }],
    });
    expect(inferResponse(model, flat.value, outputs, 0)).toMatchObject({ id: 'r1', outputs: [{ shape: [2, 1], data: [0.25, 0.5] }] });
  });

  it.each([
    [{ inputs: [{ name: 'x', shape: [1, 2], datatype: 'FP32', data: [1, 2] }] }, 'inputs[0].name: expected one of the model\'s inputs (features), got "x"'],
    [
      { inputs: [{ name: 'features', shape: [1, 2], datatype: 'FP64', data: [1, 2] }] },
      'inputs[0].datatype: expected FP32 (the type of model input "features"), got FP64',
    ],
    [
      { inputs: [{ name: 'features', shape: [1, 3], datatype: 'FP32', data: [1, 2, 3] }] },
      'inputs[0].shape: expected dimension 1 to be 2 (model shape [-1, 2]), got [1, 3]',
    ],
    [{ inputs: [{ name: 'features', shape: [2], datatype: 'FP32', data: [1, 2] }] }, 'inputs[0].shape: expected 2 dimensions like [-1, 2], got [2]'],
    [
      { inputs: [{ name: 'features', shape: [5, 2], datatype: 'FP32', data: Array(10).fill(1) }] },
      "inputs[0].shape: expected 1 to 4 rows in dimension 0 (the server's max batch), got 5",
    ],
    [{ inputs: [{ name: 'features', shape: [1, 2], datatype: 'FP32', data: [1] }] }, 'inputs[0].data: expected 2 values for shape [1, 2], got 1'],
    [{ inputs: [{ name: 'features', shape: [1, 2], datatype: 'FP32', data: [1, 'a'] }] }, 'inputs[0].data: expected numbers (flat or nested arrays)'],
    [{ inputs: [{ name: 'features', shape: [1, 2], datatype: 'FP32' }] }, 'inputs[0].data: missing; expected array'],
    [{ inputs: [] }, 'inputs: expected at least 1 items'],
    [
      { inputs: [{ name: 'features', shape: [1, 2], datatype: 'FP32', data: [1, 2] }], outputs: [{ name: 'label' }] },
      'outputs[0].name: expected one of the model\'s outputs (probability), got "label"',
    ],
  ])('refuses %j: %s', (body, message) => {
    expect(problem(parseInfer(body, model))).toBe(message);
  });
});
