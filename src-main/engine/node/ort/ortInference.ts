/**
 * Inference with onnxruntime-node. Asking ORT for ['cuda', 'cpu'] does not fall back: a missing
 * CUDA provider fails session creation. So CUDA is tried alone, and on failure the session is
 * created again on CPU and the reason is returned for the run and the report (DESIGN.md, "Rules").
 */
import * as ort from 'onnxruntime-node';
import type { TensorInfo } from '../../../contract/events';
import type { FeatureBatch, Inference } from '../../common/ports/inference';
import type { BatchResult, OutputTensor } from '../../common/serving/rowBlock';

// ORT's own logger would print the CUDA load failure to stderr on every fallback; the run records
// and prints the reason once itself, so only fatal messages pass.
ort.env.logLevel = 'fatal';

export type ProviderRequest = 'cpu' | 'cuda';

/** Session options the rehearsal varies (runtime parity, thread limits under a CPU profile). */
export interface SessionTuning {
  readonly intraOpNumThreads?: number;
  readonly graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
}

/** A session that also returns its output tensors as they are (the OIP endpoint answers with them). */
export interface OrtModel extends Inference {
  /** The scores, plus the named outputs (null: scores only), from one `session.run`. */
  runOutputs(batch: FeatureBatch, outputs: readonly string[] | null): Promise<BatchResult>;
}

/** Creates a session on the requested provider, falling back to CPU with the reason. */
export async function openOrtInference(
  model: string | Uint8Array,
  provider: ProviderRequest,
  tuning: SessionTuning = {},
): Promise<{ inference: OrtModel; fallbackReason: string | null }> {
  const base: ort.InferenceSession.SessionOptions = { logSeverityLevel: 3, ...tuning };
  if (provider === 'cuda') {
    try {
      const session = await create(model, { ...base, executionProviders: ['cuda'] });
      return { inference: new OrtInference(session, 'cuda'), fallbackReason: null };
    } catch (error) {
      const reason = `CUDA execution provider unavailable (${firstLine(error)}); running on CPU`;
      const session = await create(model, { ...base, executionProviders: ['cpu'] });
      return { inference: new OrtInference(session, 'cpu'), fallbackReason: reason };
    }
  }
  const session = await create(model, { ...base, executionProviders: ['cpu'] });
  return { inference: new OrtInference(session, 'cpu'), fallbackReason: null };
}

function create(model: string | Uint8Array, options: ort.InferenceSession.SessionOptions): Promise<ort.InferenceSession> {
  return typeof model === 'string' ? ort.InferenceSession.create(model, options) : ort.InferenceSession.create(model, options);
}

/** The tensor metadata of a session's inputs or outputs, as plain data. */
export function tensorInfos(metadata: readonly ort.InferenceSession.ValueMetadata[]): TensorInfo[] {
  return metadata.map((m) =>
    m.isTensor
      ? { name: m.name, type: m.type, dims: m.shape.map((d) => (typeof d === 'number' && d >= 0 ? d : typeof d === 'string' && d !== '' ? d : null)) }
      : { name: m.name, type: 'non-tensor', dims: [] },
  );
}

class OrtInference implements OrtModel {
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  private readonly probabilityOutput: { name: string; column: number; width: number };

  constructor(
    private readonly session: ort.InferenceSession,
    readonly executionProvider: string,
  ) {
    this.inputs = tensorInfos(session.inputMetadata);
    this.outputs = tensorInfos(session.outputMetadata);
    this.probabilityOutput = pickProbabilityOutput(this.outputs);
  }

  async run(batch: FeatureBatch): Promise<Float32Array> {
    return (await this.runOutputs(batch, null)).scores;
  }

  async runOutputs(batch: FeatureBatch, outputs: readonly string[] | null): Promise<BatchResult> {
    const feeds: Record<string, ort.Tensor> = {};
    for (const [name, tensor] of Object.entries(batch)) {
      feeds[name] = new ort.Tensor(tensor.type, tensor.data, tensor.dims as number[]);
    }
    const { name, column, width } = this.probabilityOutput;
    const fetches = outputs === null ? [name] : [...new Set([name, ...outputs])];
    const results = await this.session.run(feeds, fetches);
    const output = results[name]!;
    const data = output.data as Float32Array | Float64Array;
    const rows = output.dims[0] ?? 0;
    const observedWidth = output.dims.length === 2 ? output.dims[1]! : 1;
    const scores = new Float32Array(rows);
    if (width === 1 || observedWidth === 1) {
      scores.set(data.subarray(0, rows));
    } else {
      for (let i = 0; i < rows; i++) {
        scores[i] = data[i * observedWidth + column]!;
      }
    }
    if (outputs === null) {
      return { scores, outputs: null };
    }
    const tensors: Record<string, OutputTensor> = {};
    for (const wanted of outputs) {
      const t = results[wanted]!;
      tensors[wanted] = { type: t.type, dims: [...t.dims], data: t.data as OutputTensor['data'] };
    }
    return { scores, outputs: tensors };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/**
 * The output carrying P(positive): a float (N,1) or (N,) probability, or column 1 of an (N,2)
 * probability pair; with a label plus probabilities, the float one.
 */
export function pickProbabilityOutput(outputs: readonly TensorInfo[]): { name: string; column: number; width: number } {
  const floats = outputs.filter((o) => o.type === 'float32' || o.type === 'float64');
  const chosen = floats.find((o) => /prob/i.test(o.name)) ?? floats[0];
  if (!chosen) {
    throw new Error(`expected a float output holding probabilities; outputs are: ${outputs.map((o) => `${o.name} (${o.type})`).join(', ')}`);
  }
  const width = chosen.dims.length === 2 && typeof chosen.dims[1] === 'number' ? chosen.dims[1] : 1;
  if (width > 2) {
    throw new Error(`expected output "${chosen.name}" to be (N,1), (N,) or (N,2) probabilities, found width ${width}`);
  }
  return { name: chosen.name, column: width === 2 ? 1 : 0, width };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
