/**
 * The model server process: the entry of the standalone bundle `out/server/server.mjs` (built by
 * `vite.server.config.ts`), which the embedded backend starts as a child process with its heap
 * limit set, and the Docker backend starts inside a container. The same file is the inference
 * worker when started as one, so the bundle is a single file.
 *
 * Standard output carries only events, one JSON object a line (`server.started` first, once it
 * listens); standard error carries lines for people. Exit codes: 0 stopped on SIGINT/SIGTERM,
 * 2 bad input (flags, faults, a digest mismatch or missing digest, a model ORT cannot load),
 * 3 an internal error, 70 an injected crash.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RunEventBody, ServerFaults } from '../../../contract/events';
import { isInputError } from '../../common/run/inputError';
import { NO_FAULTS } from '../../common/scenario/sections/faults';
import { describeFaults } from '../../common/serving/faultState';
import { systemClock } from '../run/systemClock';
import { systemScheduler } from '../run/systemScheduler';
import { CRASH_EXIT_CODE } from './faultInjector';
import { isInferenceWorker, runInferenceWorker } from './inferenceWorker';
import { DigestRefusal, loadServedModel, readFaults, type OpenedModel } from './loadServedModel';
import { startModelServer } from './modelServer';
import { parseServerArgv, type ServerOptions } from './serverOptions';

// zod's English messages are loaded for their side effect, which bundling drops; the server
// names what a bad body expected in those words, so they are loaded here by hand.
z.config(z.locales.en());

function emit(event: RunEventBody): void {
  // Pipes are written synchronously on Linux, so an event written just before an exit is kept.
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function serve(argv: readonly string[]): Promise<number> {
  let label = 'server';
  const log = (line: string): void => {
    process.stderr.write(`[${label}] ${line}\n`);
  };
  // Signals are taken from the start, so one that arrives while the model loads is not lost. A
  // second one while stopping is expected (Ctrl-C reaches `rehearse serve` and this child both,
  // and the parent passes it on as SIGTERM) and changes nothing; the parent SIGKILLs if need be.
  let stopping = false;
  const stopSignal = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        if (stopping) {
          return;
        }
        stopping = true;
        log(`${signal}: stopping`);
        resolve();
      });
    }
  });
  let options: ServerOptions;
  let faults: ServerFaults;
  let opened: OpenedModel;
  try {
    options = parseServerArgv(argv);
    label = options.label ?? basename(options.model);
    faults = options.faults === null ? NO_FAULTS : readFaults(options.faults);
    opened = await loadServedModel(options, fileURLToPath(import.meta.url));
  } catch (error) {
    if (error instanceof DigestRefusal) {
      emit({ kind: 'server.refused', label, path: error.artifact.path, message: error.artifact.message, files: error.artifact.files });
    }
    log(isInputError(error) ? error.message : `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return isInputError(error) ? 2 : 3;
  }
  const { artifact, model, worker, featureSpec } = opened;
  label = options.label ?? model.name;
  if (!artifact.verified) {
    log(`serving an unverified model (--allow-unverified): ${artifact.message}`);
  }
  if (worker.fallbackReason !== null) {
    log(`execution provider: asked for ${options.ep}, using ${worker.executionProvider}: ${worker.fallbackReason}`);
  }
  let server;
  try {
    server = await startModelServer(
      model,
      worker,
      { ...options, faults: NO_FAULTS, executionProvider: worker.executionProvider, reference: opened.reference },
      {
        label,
        clock: systemClock,
        scheduler: systemScheduler,
        log,
        emit,
        crash: () => process.exit(CRASH_EXIT_CODE),
      },
    );
  } catch (error) {
    await worker.close();
    const code = (error as { code?: string }).code;
    log(
      code === 'EADDRINUSE'
        ? `--port ${options.port}: the port is in use; expected a free port (0 picks one)`
        : `cannot listen: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  // Faults at start are set (and their event written) before the server is announced, so whoever
  // waits for `server.started` has already seen them.
  if (describeFaults(faults) !== 'none') {
    server.faults.set(faults, 'start');
  }
  emit({
    kind: 'server.started',
    label,
    url: server.url,
    pid: process.pid,
    model: {
      name: model.name,
      version: model.version,
      path: artifact.path,
      sha256: artifact.sha256,
      inputs: model.inputs,
      outputs: model.outputs,
      featureSpec,
    },
    verified: artifact.verified,
    allowUnverified: options.allowUnverified,
    digestMessage: artifact.message,
    requestedProvider: options.ep,
    executionProvider: worker.executionProvider,
    fallbackReason: worker.fallbackReason,
    maxBatch: options.maxBatch,
    maxQueueDelayMs: options.maxQueueDelayMs,
    timeoutMs: options.timeoutMs,
    heapMb: options.heapMb,
  });
  log(
    `serving ${model.name} (version ${model.version}, sha256 ${artifact.sha256.slice(0, 12)}) on ${worker.executionProvider} at ${server.url}: max batch ${options.maxBatch}, queue delay ${options.maxQueueDelayMs} ms, timeout ${options.timeoutMs} ms`,
  );
  const running = server;
  await stopSignal;
  await running.close();
  await worker.close();
  log('stopped');
  return 0;
}

if (isInferenceWorker()) {
  await runInferenceWorker();
} else {
  const code = await serve(process.argv.slice(2));
  // Default-metric observers and the like would keep the loop alive; the server is done.
  process.exit(code);
}
