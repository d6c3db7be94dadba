/**
 * `rehearse ui [--port N] [--scenario <file>] [--runs <dir>]`: the app in a browser.
 * Serves the renderer on 127.0.0.1, prints its address with a random access token, and keeps the
 * engine in a child process. Runs until Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../../engine/common/run/inputError';
import { projectRoot } from '../../engine/node/run/projectRoot';
import { defaultRunsFolder } from '../../engine/node/service/rehearsalService';
import { startServiceProcess } from '../../engine/node/service/serviceProcess';
import { parseFlags, UsageError } from '../args';
import type { Command } from '../command';
import { startUiServer } from '../ui/uiServer';
import { WORKSPACE_FLAG, WORKSPACE_USAGE, workspaceFlagFolders } from '../workspaceFlag';

export const uiCommand: Command = {
  name: 'ui',
  usage: `rehearse ui [--port N] [--scenario <file>] [--runs <dir>] ${WORKSPACE_USAGE}`,
  description: [
    'The app in a browser: serves the renderer build on 127.0.0.1, prints its address with a new',
    'access token (traded for a cookie on the first request), and runs the engine in a child',
    'process until Ctrl-C. Needs the renderer built: `npm run build`, or `npm run ui`, which builds',
    'and starts it.',
    '',
    '  --port N           0 (the default) takes any free port',
    '  --scenario <file>  the scenario selected at launch (default: the first built-in one)',
    '  --runs <dir>       where runs write their folders (default: runs/)',
    '',
    "exit: 0 stopped, 2 a bad flag or a missing scenario file, 3 the engine's process ended by itself",
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { port: { type: 'string' }, scenario: { type: 'string' }, runs: { type: 'string' }, ...WORKSPACE_FLAG });
    if (positionals.length > 0) {
      throw new UsageError(`unexpected argument "${positionals[0]}"`);
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port: expected a port number from 0 (any free port) to 65535, got "${values.port}"`);
    }
    const scenario = values.scenario === undefined ? undefined : resolve(values.scenario);
    if (scenario !== undefined && !existsSync(scenario)) {
      throw new InputError(values.scenario!, 'scenario file not found (--scenario)');
    }
    const rendererFolder = join(projectRoot(), 'out/renderer');
    if (!existsSync(join(rendererFolder, 'index.html'))) {
      throw new InputError(rendererFolder, 'the app is not built: run `npm run build` first, or `npm run ui`, which builds and starts it');
    }
    const runsFolder = resolve(values.runs ?? defaultRunsFolder());
    // The app reads only inside the project, the runs folder, the launch scenario's folder and these.
    const workspace = workspaceFlagFolders(values.workspace);
    const engine = startServiceProcess({ runsFolder, workspace, ...(scenario ? { launchScenario: scenario } : {}) });
    let server;
    try {
      server = await startUiServer({ api: engine.api, rendererFolder, runsFolder, port });
    } catch (error) {
      await engine.stop();
      const code = (error as NodeJS.ErrnoException).code;
      throw code === 'EADDRINUSE' ? new UsageError(`--port: ${port} is already in use on 127.0.0.1`) : error;
    }
    io.out(`Rehearsal is open at ${server.url}`);
    io.err(`serving ${rendererFolder} on 127.0.0.1:${server.port}; the engine runs in process ${engine.pid}; runs are written to ${runsFolder}`);
    io.err('the address carries the access token: share it only with people who may run rehearsals here. Ctrl-C stops.');
    const ended = await new Promise<'signal' | 'engine'>((done) => {
      process.once('SIGINT', () => done('signal'));
      process.once('SIGTERM', () => done('signal'));
      engine.exited.then(() => done('engine'));
    });
    await server.close();
    await engine.stop();
    if (ended === 'engine') {
      io.err('rehearse ui: the engine process ended unexpectedly; its runs keep the events written so far');
      return 3;
    }
    return 0;
  },
};
