/**
 * The router process: the entry of the standalone bundle `out/router/router.mjs` (built by
 * `vite.router.config.ts`), started by the rollout rig as a child process, so a restart of the
 * router is a real process restart and its latency is never skewed by the engine's own work.
 * Standard output carries only events (`router.started` once it listens, `router.weights` on every
 * change); standard error carries lines for people. Exit codes: 0 stopped on SIGINT/SIGTERM,
 * 2 bad flags, 3 an internal error.
 */
import { z } from 'zod';
import type { RunEventBody } from '../../../contract/events';
import { isInputError } from '../../common/run/inputError';
import { parseRouterArgv } from './routerOptions';
import { stopWithParent } from '../serving/parentWatch';
import { stopSignal } from '../serving/processSignals';
import { startRouter } from './routerServer';

// zod's English messages are loaded for their side effect, which bundling drops (as in the server).
z.config(z.locales.en());

function emit(event: RunEventBody): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function main(argv: readonly string[]): Promise<number> {
  const stopped = stopSignal();
  stopWithParent();
  let router;
  try {
    const options = parseRouterArgv(argv);
    router = await startRouter(options, emit);
    emit({
      kind: 'router.started',
      url: router.url,
      pid: process.pid,
      upstreams: { blue: options.blue, green: options.green, twin: options.twin },
      policy: router.policy(),
      restart: options.restart,
    });
  } catch (error) {
    process.stderr.write(
      `[router] ${isInputError(error) ? error.message : `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}\n`,
    );
    return isInputError(error) ? 2 : 3;
  }
  await stopped;
  await router.close();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
