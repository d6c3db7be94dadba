/**
 * A serving pipeline that is the team's own module: a JavaScript file in the model folder whose
 * named export maps one raw record (and the model's serving tables) to its features. The node side
 * runs it in a worker thread, so the team's code never shares the engine's realm and a slow
 * function never stalls the event loop that answers HTTP; the core sees only `ServingFeatures`.
 * The worker is started once and held only while a batch is in flight (unref'd when idle), so a
 * finished run exits without closing it.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RecordProblem, ServedRecords, ServingFeatures, ServingTables } from '../../common/features/featureSpec';
import type { RawRecord } from '../../common/features/rawRecord';
import { InputError } from '../../common/run/inputError';
import { featureValues } from './servedValues';

/** One record's outcome as the worker reports it: what the function returned, or what it threw. */
type WorkerOutcome = { readonly ok: unknown } | { readonly error: RecordProblem };

type WorkerReply = { readonly id: number; readonly outcomes: readonly WorkerOutcome[] } | { readonly id: number; readonly failure: string };

// CommonJS, evaluated by the worker: imports the module by URL and calls its function per record.
// A throw is that record's problem (a RecordFieldError-like error keeps its field).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.url).then((module) => {
  const fn = workerData.exportName === 'default' ? module.default : module[workerData.exportName];
  if (typeof fn !== 'function') {
    parentPort.postMessage({ loadError: 'export "' + workerData.exportName + '" is not a function; the module exports: ' + (Object.keys(module).join(', ') || 'nothing') });
    return;
  }
  parentPort.on('message', ({ id, records }) => {
    try {
      const outcomes = records.map((record) => {
        try {
          return { ok: fn(record, workerData.tables) };
        } catch (error) {
          const field = error && typeof error.field === 'string' ? error.field : null;
          return { error: { field, message: error instanceof Error ? error.message : String(error) } };
        }
      });
      parentPort.postMessage({ id, outcomes });
    } catch (error) {
      parentPort.postMessage({ id, failure: error instanceof Error ? error.message : String(error) });
    }
  });
  parentPort.postMessage({ ready: true });
}, (error) => parentPort.postMessage({ loadError: error instanceof Error ? error.message : String(error) }));
`;

/** What the module's serving pipeline needs to know. */
export interface ModuleServingOptions extends DeclaredServingShape {
  /** The module file (absolute path). */
  readonly path: string;
  readonly exportName: string;
  readonly tables: ServingTables;
}

/** What any declared serving side states of itself: the card's spec id, raw fields and features in input order. */
export type DeclaredServingShape = Pick<ServingFeatures, 'specId' | 'fields' | 'features' | 'kinds'>;

/** Starts the worker and waits for the module to load; an InputError names the module when it cannot. */
export async function moduleServing(options: ModuleServingOptions): Promise<ServingFeatures> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { url: pathToFileURL(options.path).href, exportName: options.exportName, tables: options.tables },
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (message: string): void => {
      void worker.terminate();
      reject(new InputError(options.path, `the serving module could not be loaded: ${message}`));
    };
    worker.once('error', (error) => fail(error.message));
    worker.once('message', (message: { ready?: true; loadError?: string }) => (message.ready ? resolve() : fail(message.loadError ?? 'no answer')));
  });
  const pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  let next = 0;
  let broken: Error | null = null;
  const settle = (error: Error): void => {
    broken = error;
    for (const { reject } of pending.values()) {
      reject(error);
    }
    pending.clear();
  };
  worker.on('error', (error) => settle(new Error(`the serving module ${options.path} failed: ${error.message}`)));
  worker.on('exit', (code) => settle(new Error(`the serving module's worker exited (code ${code})`)));
  worker.on('message', (reply: WorkerReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) {
      worker.unref();
    }
    waiting?.resolve(reply);
  });
  // After the listeners: adding a 'message' listener refs the worker's port again.
  worker.unref();
  const ask = (records: readonly RawRecord[]): Promise<WorkerReply> => {
    if (broken !== null) {
      return Promise.reject(broken);
    }
    const id = next++;
    worker.ref();
    const reply = new Promise<WorkerReply>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({ id, records });
    return reply;
  };
  return {
    specId: options.specId,
    variant: null,
    fields: options.fields,
    features: options.features,
    kinds: options.kinds,
    async serve(records) {
      const reply = await ask(records);
      if ('failure' in reply) {
        throw new Error(`the serving module ${options.path} failed: ${reply.failure}`);
      }
      return servedRecords(reply.outcomes, options.features);
    },
  };
}

/** The outcomes as per-feature columns, NaN where a record gave no value. */
export function servedRecords(outcomes: readonly WorkerOutcome[], features: readonly string[]): ServedRecords {
  const values = features.map(() => new Float64Array(outcomes.length).fill(Number.NaN));
  const problems = outcomes.map((outcome, i): RecordProblem | null => {
    if ('error' in outcome) {
      return outcome.error;
    }
    const read = featureValues(outcome.ok, features);
    if ('problem' in read) {
      return read.problem;
    }
    read.values.forEach((value, j) => (values[j]![i] = value));
    return null;
  });
  return { values, problems };
}
