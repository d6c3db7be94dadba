/**
 * The worker thread that runs the model: onnxruntime-node's `run` is synchronous
 * native work, so it never runs on the event loop that answers HTTP (DESIGN.md, "Rules"). The
 * worker opens the session with the CUDA->CPU fallback of `openOrtInference` and answers batch
 * messages one at a time; tensors cross as transferred buffers, not copies.
 */
import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import type { TensorInfo } from '../../../contract/events';
import type { FeatureBatch } from '../../common/ports/inference';
import type { BatchResult } from '../../common/serving/rowBlock';
import { openOrtInference, type ProviderRequest, type SessionTuning } from '../ort/ortInference';

/** Marks workerData so the server bundle knows it was started as the inference worker. */
export const INFERENCE_WORKER = 'rehearsal-inference-worker';

/** What the worker is started with. */
export interface WorkerStart {
  readonly role: typeof INFERENCE_WORKER;
  readonly onnxPath: string;
  readonly provider: ProviderRequest;
  readonly tuning: SessionTuning;
}

/** Worker to server. */
export type WorkerMessage =
  | {
      readonly kind: 'ready';
      readonly inputs: readonly TensorInfo[];
      readonly outputs: readonly TensorInfo[];
      readonly executionProvider: string;
      readonly fallbackReason: string | null;
    }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'result'; readonly id: number; readonly result: BatchResult }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };

/** Server to worker. */
export interface BatchMessage {
  readonly id: number;
  readonly batch: FeatureBatch;
  readonly outputs: readonly string[] | null;
}

/** True when this thread was started as the inference worker. */
export function isInferenceWorker(): boolean {
  return parentPort !== null && (workerData as Partial<WorkerStart> | null)?.role === INFERENCE_WORKER;
}

/** Runs the worker's loop: open the session, then answer batches until the port closes. */
export async function runInferenceWorker(): Promise<void> {
  const port = parentPort!;
  const start = workerData as WorkerStart;
  let opened: Awaited<ReturnType<typeof openOrtInference>>;
  try {
    opened = await openOrtInference(start.onnxPath, start.provider, start.tuning);
  } catch (error) {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message.split('\n')[0]! : String(error) } satisfies WorkerMessage);
    return;
  }
  const { inference, fallbackReason } = opened;
  port.postMessage({
    kind: 'ready',
    inputs: inference.inputs,
    outputs: inference.outputs,
    executionProvider: inference.executionProvider,
    fallbackReason,
  } satisfies WorkerMessage);
  port.on('message', (message: BatchMessage) => {
    inference.runOutputs(message.batch, message.outputs).then(
      (result) => port.postMessage({ kind: 'result', id: message.id, result } satisfies WorkerMessage, transferablesOf(result)),
      (error: unknown) =>
        port.postMessage({
          kind: 'error',
          id: message.id,
          message: error instanceof Error ? error.message.split('\n')[0]! : String(error),
        } satisfies WorkerMessage),
    );
  });
}

/** The buffers a message can hand over instead of copying: each typed array that owns its whole buffer. */
export function transferablesOf(value: BatchResult | FeatureBatch): TransferListItem[] {
  const arrays: unknown[] =
    'scores' in value && value.scores instanceof Float32Array
      ? [value.scores, ...Object.values((value as BatchResult).outputs ?? {}).map((t) => t.data)]
      : Object.values(value as FeatureBatch).map((t) => t.data);
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    if (ArrayBuffer.isView(array) && array.buffer instanceof ArrayBuffer && array.byteOffset === 0 && array.byteLength === array.buffer.byteLength) {
      buffers.add(array.buffer);
    }
  }
  return [...buffers];
}
