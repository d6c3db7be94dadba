/**
 * What a model server process says, however it runs (a child process, a container): events as
 * JSON lines on stdout, lines for people on stderr. Both backends follow it here, so a server in
 * a container is read exactly as an embedded one.
 */
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { RunEventBody, ServerFaults, ServerStarted, ServerStopped } from '../../../contract/events';
import { InputError } from '../../common/run/inputError';

/** Events a server writes after it started, and its end as its parent saw it. */
export type ServerEvent = Extract<RunEventBody, { kind: `server.${string}` }>;

/** Hooks for what comes before the server is up (its refusal, its log lines). */
export interface ServerHooks {
  /** Each line the server writes on stderr (for people). */
  onLog?(line: string): void;
  /** Every event, from the first (`server.started` or `server.refused`). */
  onEvent?(event: ServerEvent): void;
}

/** A server's output as it is read. */
export interface ServerOutput {
  /** Hands an event to the hooks and every listener (also the parent's own `server.stopped`). */
  publish(event: ServerEvent): void;
  onDidEmitEvent(listener: (event: ServerEvent) => void): () => void;
  /** The last 20 stderr lines: an out-of-memory abort or a refusal names itself there. */
  readonly logTail: readonly string[];
  /** Resolves with `server.started`; rejects when the server ends first (see `startedOrFailed`). */
  started(exited: Promise<ServerStopped>, model: string): Promise<ServerStarted>;
}

/** Reads stdout as events and stderr as log lines. */
export function followServerOutput(stdout: Readable, stderr: Readable, hooks: ServerHooks): ServerOutput {
  const listeners = new Set<(event: ServerEvent) => void>();
  const logTail: string[] = [];
  let refusal: string | null = null;
  let onStarted: ((event: ServerStarted) => void) | null = null;
  let started: ServerStarted | null = null;

  createInterface({ input: stderr }).on('line', (line) => {
    logTail.push(line);
    if (logTail.length > 20) {
      logTail.shift();
    }
    hooks.onLog?.(line);
  });
  const publish = (event: ServerEvent): void => {
    hooks.onEvent?.(event);
    for (const listener of listeners) {
      listener(event);
    }
  };
  createInterface({ input: stdout }).on('line', (line) => {
    let event: ServerEvent;
    try {
      event = JSON.parse(line) as ServerEvent;
    } catch {
      hooks.onLog?.(line);
      return;
    }
    publish(event);
    if (event.kind === 'server.refused') {
      refusal = event.message;
    }
    if (event.kind === 'server.started' && started === null) {
      started = event;
      onStarted?.(event);
    }
  });

  return {
    publish,
    logTail,
    onDidEmitEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    started(exited, model) {
      return new Promise<ServerStarted>((resolve, reject) => {
        if (started !== null) {
          resolve(started);
          return;
        }
        onStarted = resolve;
        void exited.then((stopped) => {
          if (started === null) {
            const said = logTail.join('\n');
            reject(
              stopped.exitCode === 2
                ? new InputError(model, (said || refusal) ?? stopped.message)
                : new Error(`the model server exited before it answered: ${stopped.message}\n${said}`),
            );
          }
        });
      });
    },
  };
}

/** The server's fault endpoint (loopback peers only), for `setFaults` and `clearFaults`. */
export function faultAdmin(url: string): { setFaults(faults: Partial<ServerFaults>): Promise<ServerFaults>; clearFaults(): Promise<ServerFaults> } {
  const adminUrl = `${url}/admin/faults`;
  const admin = async (method: string, body?: unknown): Promise<ServerFaults> => {
    const response = await fetch(adminUrl, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const json = (await response.json()) as { faults?: ServerFaults; error?: string };
    if (!response.ok || !json.faults) {
      throw new InputError('faults', json.error ?? `the admin endpoint answered ${response.status}`);
    }
    return json.faults;
  };
  return { setFaults: (faults) => admin('PUT', faults), clearFaults: () => admin('DELETE') };
}
