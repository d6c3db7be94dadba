/**
 * The model server process: the entry of the standalone bundle `out/server/server.mjs` (built by
 * `vite.server.config.ts`), which the embedded backend starts as a child process with its heap
 * limit set, and the Docker backend starts inside a container. The same file is the inference
 * worker when started as one, so the bundle is a single file.
 *
 * Its lifecycle: open the model (flags, faults, digests, the worker), listen, announce
 * (`server.started`), wait for a stop signal, drain. Standard output carries only events, one
 * JSON object a line (`server.started` first, once it listens); standard error carries lines for
 * people. Exit codes: 0 stopped on SIGINT/SIGTERM, 2 bad input (flags, faults, a digest mismatch
 * or missing digest, a model ORT cannot load, a port in use), 3 an internal error, 70 an injected crash.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RunEventBody, ServerFaults, ServerStarted } from '../../../contract/events';
import { isInputError } from '../../common/run/inputError';
import { NO_FAULTS } from '../../common/scenario/sections/faults';
import { describeFaults } from '../../common/serving/faultState';
import { systemClock } from '../run/systemClock';
import { systemScheduler } from '../run/systemScheduler';
import { CRASH_EXIT_CODE } from './faultInjector';
import { isInferenceWorker, runInferenceWorker } from './inferenceWorker';
import { DigestRefusal, loadServedModel, readFaults, type OpenedModel } from './loadServedModel';
import { startModelServer, type ModelServer } from './modelServer';
import { stopWithParent } from './parentWatch';
import { stopSignal } from './processSignals';
import { parseServerArgv, type ServerOptions } from './serverOptions';

// zod's English messages are loaded for their side effect, which bundling drops; the server
// names what a bad body expected in those words, so they are loaded here by hand.
z.config(z.locales.en());

function emit(event: RunEventBody): void {
  // Pipes are written synchronously on Linux, so an event written just before an exit is kept.
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

/** Lines for people on stderr, under the server's label (known better as the model opens). */
interface Speaker {
  label: string;
  log(line: string): void;
}

/** What was opened before the server listens. */
interface Opened extends OpenedModel {
  readonly options: ServerOptions;
  readonly faults: ServerFaults;
}

async function serve(argv: readonly string[]): Promise<number> {
  const speaker: Speaker = { label: 'server', log: (line) => process.stderr.write(`[${speaker.label}] ${line}\n`) };
  const stopped = stopSignal((signal) => speaker.log(`${signal}: stopping`));
  stopWithParent(() => {
    speaker.log('the parent process is gone: stopping');
    process.kill(process.pid, 'SIGTERM');
  });
  const opened = await open(argv, speaker);
  if (typeof opened === 'number') {
    return opened;
  }
  const server = await listen(opened, speaker);
  if (typeof server === 'number') {
    return server;
  }
  // Faults at start are set (and their event written) before the server is announced, so whoever
  // waits for `server.started` has already seen them.
  if (describeFaults(opened.faults) !== 'none') {
    server.faults.set(opened.faults, 'start');
  }
  emit(startedEvent(opened, server.url, speaker.label));
  const { model, artifact, worker, options } = opened;
  speaker.log(
    `serving ${model.name} (version ${model.version}, sha256 ${artifact.sha256.slice(0, 12)}) on ${worker.executionProvider} at ${server.url}: max batch ${options.maxBatch}, queue delay ${options.maxQueueDelayMs} ms, timeout ${options.timeoutMs} ms`,
  );
  await stopped;
  await server.close();
  await worker.close();
  speaker.log('stopped');
  return 0;
}

/** Flags, faults and the model, or the exit code of the refusal (2 for bad input, 3 for a fault of ours). */
async function open(argv: readonly string[], speaker: Speaker): Promise<Opened | number> {
  let opened: Opened;
  try {
    const options = parseServerArgv(argv);
    speaker.label = options.label ?? basename(options.model);
    const faults = options.faults === null ? NO_FAULTS : readFaults(options.faults);
    opened = { ...(await loadServedModel(options, fileURLToPath(import.meta.url))), options, faults };
  } catch (error) {
    if (error instanceof DigestRefusal) {
      const { path, message, files } = error.artifact;
      emit({ kind: 'server.refused', label: speaker.label, path, message, files });
    }
    speaker.log(isInputError(error) ? error.message : `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return isInputError(error) ? 2 : 3;
  }
  speaker.label = opened.options.label ?? opened.model.name;
  if (!opened.artifact.verified) {
    speaker.log(`serving an unverified model (--allow-unverified): ${opened.artifact.message}`);
  }
  if (opened.worker.fallbackReason !== null) {
    speaker.log(`execution provider: asked for ${opened.options.ep}, using ${opened.worker.executionProvider}: ${opened.worker.fallbackReason}`);
  }
  return opened;
}

/** The server listening, or exit code 2 (its port is in use, or it cannot listen). */
async function listen(opened: Opened, speaker: Speaker): Promise<ModelServer | number> {
  const { options, worker } = opened;
  try {
    return await startModelServer(
      opened.model,
      worker,
      { ...options, faults: NO_FAULTS, executionProvider: worker.executionProvider, reference: opened.reference },
      { label: speaker.label, clock: systemClock, scheduler: systemScheduler, log: speaker.log, emit, crash: () => process.exit(CRASH_EXIT_CODE) },
    );
  } catch (error) {
    await worker.close();
    const code = (error as { code?: string }).code;
    speaker.log(
      code === 'EADDRINUSE'
        ? `--port ${options.port}: the port is in use; expected a free port (0 picks one)`
        : `cannot listen: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
}

/** The server's own account of what it serves and how. */
function startedEvent({ model, artifact, worker, options, featureSpec }: Opened, url: string, label: string): ServerStarted {
  const { name, version, inputs, outputs } = model;
  return {
    kind: 'server.started',
    label,
    url,
    pid: process.pid,
    model: { name, version, path: artifact.path, sha256: artifact.sha256, inputs, outputs, featureSpec },
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
  };
}

if (isInferenceWorker()) {
  await runInferenceWorker();
} else {
  const code = await serve(process.argv.slice(2));
  // Default-metric observers and the like would keep the loop alive; the server is done.
  process.exit(code);
}
