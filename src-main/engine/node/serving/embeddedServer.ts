/**
 * The embedded backend (issue 5): the model server as a child process of this one, its V8 heap
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
import type { RunEventBody, ServerFaults, ServerStarted, ServerStopped } from '../../../contract/events';
import { InputError } from '../../common/run/inputError';
import { projectRoot } from '../run/projectRoot';
import { readEventLines, tailLines, terminate } from './childProcess';
import { CRASH_EXIT_CODE } from './faultInjector';
import { serverArgv, type ServerOptions } from './serverOptions';

/** Events a server writes after it started, and its end as its parent saw it. */
export type ServerEvent = Extract<RunEventBody, { kind: `server.${string}` }>;

/** A model server running as a child process. */
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
export interface EmbeddedHooks {
  /** Each line the server writes on stderr (for people). */
  onLog?(line: string): void;
  /** Every event, from the first (`server.started` or `server.refused`). */
  onEvent?(event: ServerEvent): void;
}

/** Where the server bundle is; the project's build writes it (`npm run build:server`). */
export function serverBundlePath(): string {
  return join(projectRoot(), 'out/server/server.mjs');
}

/**
 * Starts a server and resolves once it answers. A refusal (digests, flags, a model ORT cannot
 * load) rejects with an InputError carrying the server's own message; any other early exit
 * rejects with its exit code and last log lines.
 */
export function startEmbeddedServer(options: ServerOptions, hooks: EmbeddedHooks = {}): Promise<EmbeddedServer> {
  const bundle = serverBundlePath();
  if (!existsSync(bundle)) {
    return Promise.reject(new Error(`the model server is not built (${bundle}); run \`npm run build:server\` (npm ci does it)`));
  }
  const nodeArgs = options.heapMb === null ? [] : [`--max-old-space-size=${options.heapMb}`];
  const child = spawn(process.execPath, [...nodeArgs, bundle, ...serverArgv(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ORT_DISABLE_TELEMETRY: '1' },
  });
  const listeners = new Set<(event: ServerEvent) => void>();
  let label = options.label ?? basename(options.model);
  let stopRequested = false;
  let started: ServerStarted | null = null;

  const logTail = tailLines(child.stderr!, (line) => hooks.onLog?.(line));
  const publish = (event: ServerEvent): void => {
    hooks.onEvent?.(event);
    for (const listener of listeners) {
      listener(event);
    }
  };

  const exited = new Promise<ServerStopped>((resolve) => {
    // 'close' comes after the process ended and its stdio streams were read to the end, so the
    // last stderr lines (an out-of-memory abort names itself there) are in the tail.
    child.once('close', (code, signal) => {
      const stopped: ServerStopped = { kind: 'server.stopped', label, requested: stopRequested, exitCode: code, signal, message: exitMessage(code, signal, stopRequested, logTail) };
      publish(stopped);
      resolve(stopped);
    });
  });

  return new Promise<EmbeddedServer>((resolve, reject) => {
    let refusal: string | null = null;
    readEventLines<ServerEvent>(child.stdout!, (event) => {
      publish(event);
      if (event.kind === 'server.refused') {
        refusal = event.message;
      }
      if (event.kind === 'server.started' && started === null) {
        started = event;
        label = event.label;
        resolve(handle(event));
      }
    }, (line) => hooks.onLog?.(line));
    void exited.then((stopped) => {
      if (started === null) {
        const said = logTail.join('\n');
        reject(stopped.exitCode === 2 ? new InputError(options.model, (said || refusal) ?? stopped.message) : new Error(`the model server exited before it answered: ${stopped.message}\n${said}`));
      }
    });
  });

  function handle(event: ServerStarted): EmbeddedServer {
    const adminUrl = `${event.url}/admin/faults`;
    const admin = async (method: string, body?: unknown): Promise<ServerFaults> => {
      const response = await fetch(adminUrl, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
      const json = (await response.json()) as { faults?: ServerFaults; error?: string };
      if (!response.ok || !json.faults) {
        throw new InputError('faults', json.error ?? `the admin endpoint answered ${response.status}`);
      }
      return json.faults;
    };
    return {
      url: event.url,
      pid: child.pid!,
      started: event,
      exited,
      onDidEmitEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      setFaults: (faults) => admin('PUT', faults),
      clearFaults: () => admin('DELETE'),
      stop(graceMs = 5000) {
        stopRequested ||= child.exitCode === null && child.signalCode === null;
        return terminate(child, exited, graceMs);
      },
    };
  }
}

function exitMessage(code: number | null, signal: string | null, requested: boolean, logTail: readonly string[]): string {
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
