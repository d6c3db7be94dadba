/** The server's side of the inference worker: a ModelRunner whose batches run in the worker thread. */
import { Worker } from 'node:worker_threads';
import type { TensorInfo } from '../../../contract/events';
import type { BatchResult, ModelRunner } from '../../common/serving/rowBlock';
import type { ProviderRequest, SessionTuning } from '../ort/ortInference';
import { INFERENCE_WORKER, transferablesOf, type BatchMessage, type WorkerMessage, type WorkerStart } from './inferenceWorker';

/** A model loaded in a worker thread. */
export interface WorkerModel extends ModelRunner {
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  readonly executionProvider: string;
  readonly fallbackReason: string | null;
  close(): Promise<void>;
}

/** How long closing waits for batches the worker is running. */
const CLOSE_GRACE_MS = 5000;

/**
 * Starts the worker from `script` (the server bundle itself, which becomes the worker when
 * started with its marker) and waits until the session is open.
 */

export function openWorkerModel(script: string | URL, onnxPath: string, provider: ProviderRequest, tuning: SessionTuning = {}): Promise<WorkerModel> {
  const start: WorkerStart = { role: INFERENCE_WORKER, onnxPath, provider, tuning };
  const worker = new Worker(script, { workerData: start, env: process.env });
  const pending = new Map<number, { resolve(result: BatchResult): void; reject(error: Error): void }>();
  let nextId = 1;
  let exited: string | null = null;
  const failAll = (reason: string): void => {
    exited = reason;
    for (const [, p] of pending) {
      p.reject(new Error(reason));
    }
    pending.clear();
  };
  return new Promise<WorkerModel>((resolve, reject) => {
    worker.on('error', (error) => {
      failAll(`the inference worker failed: ${error.message}`);
      reject(error);
    });
    worker.on('exit', (code) => {
      failAll(`the inference worker exited (code ${code})`);
      reject(new Error(`the inference worker exited before the model was loaded (code ${code})`));
    });
    worker.on('message', (message: WorkerMessage) => {
      switch (message.kind) {
        case 'ready':
          resolve({
            inputs: message.inputs,
            outputs: message.outputs,
            executionProvider: message.executionProvider,
            fallbackReason: message.fallbackReason,
            run(batch, outputs) {
              if (exited !== null) {
                return Promise.reject(new Error(exited));
              }
              const id = nextId++;
              return new Promise<BatchResult>((resolveRun, rejectRun) => {
                pending.set(id, { resolve: resolveRun, reject: rejectRun });
                worker.postMessage({ id, batch, outputs } satisfies BatchMessage, transferablesOf(batch));
              });
            },
            async close() {
              // Terminating the thread while onnxruntime is inside session.run ends the process with
              // SIGSEGV (seen as exit 139 when a loaded server is stopped), so batches already handed
              // to the worker finish first, for at most CLOSE_GRACE_MS.
              const deadline = Date.now() + CLOSE_GRACE_MS;
              while (pending.size > 0 && exited === null && Date.now() < deadline) {
                await new Promise((resolve) => setTimeout(resolve, 5));
              }
              await worker.terminate();
            },
          });
          break;
        case 'failed':
          reject(new Error(message.message));
          void worker.terminate();
          break;
        case 'result':
          pending.get(message.id)?.resolve(message.result);
          pending.delete(message.id);
          break;
        case 'error':
          pending.get(message.id)?.reject(new Error(message.message));
          pending.delete(message.id);
          break;
      }
    });
  });
}
