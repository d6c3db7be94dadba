/**
 * The engine in its own Node process, for browser mode (`rehearse ui`): the WebSocket server's
 * event loop only relays messages, while onnxruntime's synchronous `run`, DuckDB and Docker work
 * happen in the child (DESIGN.md, "Rules").
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { projectRoot } from '../run/projectRoot';
import { connectService, type RemoteService } from './remoteService';

/** The built entry of the engine's process (vite.cli.config.ts). */
export function serviceHostEntry(): string {
  return join(projectRoot(), 'out/cli/serviceHost.mjs');
}

/** A running engine process. */
export interface ServiceProcess {
  readonly api: RemoteService;
  readonly pid: number;
  /** Resolves when the process has ended, for whatever reason. */
  readonly exited: Promise<void>;
  /** Ends the process; runs still going leave their events.jsonl as written so far. */
  stop(): Promise<void>;
}

/** Starts the engine's process with the service's options. */
export function startServiceProcess(
  options: { readonly runsFolder?: string; readonly launchScenario?: string; readonly workspace?: readonly string[] } = {},
): ServiceProcess {
  const entry = serviceHostEntry();
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run \`npm run build:cli\` (npm ci does it)`);
  }
  const child = fork(entry, [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ORT_DISABLE_TELEMETRY: '1' } });
  const api = connectService({
    post: (message) => {
      if (child.connected) {
        child.send(message as object);
      }
    },
    onMessage(listener) {
      child.on('message', listener);
      return () => child.off('message', listener);
    },
  });
  const exited = once(child, 'exit');
  child.once('exit', (code, signal) => api.disconnect(`the engine process ended (${signal ?? `exit code ${code}`})`));
  return {
    api,
    pid: child.pid!,
    exited: exited.then(() => undefined),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
