/** P(positive) for every row of a float32 [rows, width] matrix, through a loaded model, in batches. */
import type { Inference } from '../../common/ports/inference';

/** Runs the rows through the model's single matrix input, `batch` rows at a time. */
export async function predictMatrix(inference: Inference, x: Float32Array, rows: number, width: number, batch = 8192): Promise<Float32Array> {
  const input = inference.inputs[0]!.name;
  const out = new Float32Array(rows);
  for (let start = 0; start < rows; start += batch) {
    const n = Math.min(batch, rows - start);
    const scores = await inference.run({ [input]: { type: 'float32', dims: [n, width], data: x.subarray(start * width, (start + n) * width) } });
    out.set(scores, start);
  }
  return out;
}
