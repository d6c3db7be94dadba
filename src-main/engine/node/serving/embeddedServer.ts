/**
 * The embedded backend: the model server as a child process of this one, its V8 heap
 * capped with `--max-old-space-size` when `heapMb` is set. Only V8's heap is capped this way;
 * onnxruntime's native memory is not, which only the Docker backend (cgroups) can cap.
 *
 * This is the server's programmatic API, for the CLI and for the rehearsal's phases:
 *
 *   const server = await startEmbeddedServer(serverOptions('scenarios/smoke/model', { maxBatch: 8 }));
 *   server.url;                                   // http://127.0.0.1:PORT, once it answers
 *   server.onDidEmitEvent((e) => log.append(e));  // server.faults, server.crashing, server.stopped
 *   await server.setFaults({ seed: 1, latency: { distribution: 'fixed', ms: 50 } });
 *   await server.stop();                          // SIGTERM, then the exit, as a server.stopped event
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ServerFaults, ServerStarted, ServerStopped } from '../../../contract/events';
import { projectRoot } from '../run/projectRoot';
import { CRASH_EXIT_CODE } from './faultInjector';
import { terminate } from './childProcess';
import { watchedChild } from './parentWatch';
import { faultAdmin, followServerOutput, type ServerEvent, type ServerHooks } from './serverOutput';
import { serverArgv, type ServerOptions } from './serverOptions';

export type { ServerEvent } from './serverOutput';

/** A running model server, whatever runs it (a child process here; a container in `docker/`). */
export interface EmbeddedServer {
  readonly url: string;
  readonly pid: number;
  /** The server's own account of what it serves and how. */
  readonly started: ServerStarted;
  /** Every later event; returns the unsubscribe. */
  onDidEmitEvent(listener: (event: ServerEvent) => void): () => void;
  /** Resolves when the process ends, however it ends. */
  readonly exited: Promise<ServerStopped>;
  /** Replaces the faults through the admin endpoint; resolves with the faults now in force. */
  setFaults(faults: Partial<ServerFaults>): Promise<ServerFaults>;
  clearFaults(): Promise<ServerFaults>;
  /** SIGTERM and wait; SIGKILL if it has not ended after `graceMs`. */
  stop(graceMs?: number): Promise<ServerStopped>;
}

/** Hooks for what comes before the server is up (its refusal, its log lines). */
export type EmbeddedHooks = ServerHooks;

/** Where the server bundle is; the project's build writes it (`npm run build:server`). */
export function serverBundlePath(): string {
  return join(projectRoot(), 'out/server/server.mjs');
}

/**
 * Starts a server and resolves once it answers. A refusal (digests, flags, a model ORT cannot
 * load) rejects with an InputError carrying the server's own message; any other early exit
 * rejects with its exit code and last log lines.
 */
export async function startEmbeddedServer(options: ServerOptions, hooks: EmbeddedHooks = {}): Promise<EmbeddedServer> {
  const bundle = serverBundlePath();
  if (!existsSync(bundle)) {
    throw new Error(`the model server is not built (${bundle}); run \`npm run build:server\` (npm ci does it)`);
  }
  const nodeArgs = options.heapMb === null ? [] : [`--max-old-space-size=${options.heapMb}`];
  // Its standard input is a pipe it watches: the server stops when this process dies, even by SIGKILL.
  const child = spawn(process.execPath, [...nodeArgs, bundle, ...serverArgv(options)], watchedChild({ ...process.env, ORT_DISABLE_TELEMETRY: '1' }));
  const output = followServerOutput(child.stdout!, child.stderr!, hooks);
  let label = options.label ?? basename(options.model);
  let stopRequested = false;

  const exited = new Promise<ServerStopped>((resolve) => {
    // 'close' comes after the process ended and its stdio streams were read to the end, so the
    // last stderr lines (an out-of-memory abort names itself there) are in the tail.
    child.once('close', (code, signal) => {
      const stopped: ServerStopped = {
        kind: 'server.stopped',
        label,
        requested: stopRequested,
        exitCode: code,
        signal,
        message: exitMessage(code, signal, stopRequested, output.logTail),
      };
      output.publish(stopped);
      resolve(stopped);
    });
  });
  const started = await output.started(exited, options.model);
  label = started.label;
  return {
    url: started.url,
    pid: child.pid!,
    started,
    exited,
    onDidEmitEvent: output.onDidEmitEvent,
    ...faultAdmin(started.url),
    stop(graceMs = 5000) {
      stopRequested ||= child.exitCode === null && child.signalCode === null;
      return terminate(child, exited, graceMs);
    },
  };
}

/** How a server process ended, for people. */
export function exitMessage(code: number | null, signal: string | null, requested: boolean, logTail: readonly string[]): string {
  if (requested && (code === 0 || signal === 'SIGTERM')) {
    return 'stopped as asked';
  }
  if (code === CRASH_EXIT_CODE) {
    return `crashed: injected crash (exit code ${code})`;
  }
  if (logTail.some((line) => line.includes('JavaScript heap out of memory'))) {
    return `crashed: out of memory at the V8 heap limit (${signal ?? `exit code ${code}`})`;
  }
  return signal !== null ? `killed by ${signal}` : `exited with code ${code}`;
}
