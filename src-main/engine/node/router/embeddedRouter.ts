/**
 * The router as a child process of this one, like the model server's embedded backend:
 * started from its bundle, its events read from its standard output, its admin spoken over HTTP.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RouterStarted, RouterStopped, RouterWeights, RouteWeights } from '../../../contract/events';
import { projectRoot } from '../run/projectRoot';
import { readEventLines, tailLines, terminate } from '../serving/childProcess';
import { watchedChild } from '../serving/parentWatch';
import type { RouterRecord } from './routerRecords';
import { routerArgv, type RouterOptions } from './routerOptions';

/** Events a router writes, and its end as its parent saw it. */
export type RouterEvent = RouterStarted | RouterWeights | RouterStopped;

/** A router running as a child process. */
export interface EmbeddedRouter {
  readonly url: string;
  readonly pid: number;
  readonly started: RouterStarted;
  /** Resolves when the process ends, however it ends. */
  readonly exited: Promise<RouterStopped>;
  /** PUT /router/weights; resolves with the weights now in force. */
  setWeights(green: number, reason: string): Promise<RouteWeights>;
  /** GET /router/records: the requests finished since the last call. */
  records(): Promise<RouterRecord[]>;
  /** SIGTERM and wait (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<RouterStopped>;
}

/** Where the router bundle is; the project's build writes it (`npm run build:router`). */
export function routerBundlePath(): string {
  return join(projectRoot(), 'out/router/router.mjs');
}

/** Starts a router and resolves once it listens. */
export function startEmbeddedRouter(options: RouterOptions, onEvent: (event: RouterEvent) => void): Promise<EmbeddedRouter> {
  const bundle = routerBundlePath();
  if (!existsSync(bundle)) {
    return Promise.reject(new Error(`the router is not built (${bundle}); run \`npm run build:router\` (npm ci does it)`));
  }
  // Its standard input is a pipe it watches: the router stops when this process dies, even by SIGKILL.
  const child = spawn(process.execPath, [bundle, ...routerArgv(options)], watchedChild());
  const tail = tailLines(child.stderr!);
  let requested = false;
  const exited = new Promise<RouterStopped>((resolve) => {
    child.once('close', (code, signal) => {
      const message =
        requested && (code === 0 || signal === 'SIGTERM' || signal === 'SIGKILL')
          ? 'stopped as asked'
          : signal !== null
            ? `killed by ${signal}`
            : `exited with code ${code}${tail.length > 0 ? `: ${tail.join(' | ')}` : ''}`;
      const stopped: RouterStopped = { kind: 'router.stopped', requested, exitCode: code, signal, message };
      onEvent(stopped);
      resolve(stopped);
    });
  });
  return new Promise<EmbeddedRouter>((resolve, reject) => {
    let started: RouterStarted | null = null;
    readEventLines<RouterEvent>(child.stdout!, (event) => {
      onEvent(event);
      if (event.kind === 'router.started' && started === null) {
        started = event;
        resolve(handle(event));
      }
    });
    void exited.then((stopped) => {
      if (started === null) {
        reject(new Error(`the router exited before it answered: ${stopped.message}`));
      }
    });
  });

  function handle(started: RouterStarted): EmbeddedRouter {
    return {
      url: started.url,
      pid: child.pid!,
      started,
      exited,
      async setWeights(green, reason) {
        const response = await fetch(`${started.url}/router/weights`, {
          method: 'PUT',
          body: JSON.stringify({ green, reason }),
          headers: { 'content-type': 'application/json' },
        });
        const json = (await response.json()) as { weights?: RouteWeights; error?: string };
        if (!response.ok || !json.weights) {
          throw new Error(`the router refused the weights: ${json.error ?? response.status}`);
        }
        return json.weights;
      },
      async records() {
        const response = await fetch(`${started.url}/router/records`);
        return ((await response.json()) as { records: RouterRecord[] }).records;
      },
      stop(graceMs = 5000) {
        requested ||= child.exitCode === null && child.signalCode === null;
        return terminate(child, exited, graceMs);
      },
    };
  }
}
