/**
 * The desktop shell's wiring: the engine in a utility process (so inference, DuckDB and Docker
 * never block the window's event loop), validated IPC handlers in front of it, run events pushed
 * to the one secure window, and nothing else.
 */
import { app, BrowserWindow, ipcMain, utilityProcess } from 'electron';
import { pathToFileURL } from 'node:url';
import type { EventChannel } from '../contract/ipc';
import { isPrintRequest, type PrintReply } from '../engine/node/service/parentPrinter';
import { connectService } from '../engine/node/service/remoteService';
import { registerApiHandlers } from './ipc';
import { createMainWindow, printHtmlToPdf } from './window';

/** Where the shell's parts are. */
export interface DesktopPaths {
  /** The dev server's URL in development; absent for the bundled renderer. */
  readonly rendererUrl?: string;
  readonly rendererFile: string;
  readonly preload: string;
  /** The engine's entry for the utility process (electron.vite.config.ts). */
  readonly serviceHost: string;
}

/** Our pages: the dev server's origin in development, the bundled file otherwise. */
export function appUrlCheck(paths: Pick<DesktopPaths, 'rendererUrl' | 'rendererFile'>): (url: string) => boolean {
  const origin = paths.rendererUrl ? new URL(paths.rendererUrl).origin : null;
  const file = pathToFileURL(paths.rendererFile).href;
  return (url: string) => {
    const parsed = new URL(url);
    return origin !== null ? parsed.origin === origin : `${parsed.origin === 'null' ? 'file://' : parsed.origin}${parsed.pathname}` === file;
  };
}

/** The value of `--scenario <file>` (or `--scenario=<file>`) among the app's arguments. */
export function scenarioArgument(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--scenario' || a.startsWith('--scenario='));
  if (at < 0) {
    return undefined;
  }
  const arg = argv[at]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
}

/** Every `--workspace <folder>` (or `--workspace=<folder>`) among the app's arguments: the folders it may read besides its own. */
export function workspaceArguments(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) =>
    arg === '--workspace' ? (argv[i + 1] === undefined ? [] : [argv[i + 1]!]) : arg.startsWith('--workspace=') ? [arg.slice(12)] : [],
  );
}

/** Starts the desktop app once Electron is ready; the engine reads only inside its workspace (the project, runs, `workspace`). */
export async function startDesktop(paths: DesktopPaths, launchScenario?: string, workspace: readonly string[] = []): Promise<void> {
  await app.whenReady();
  const isAppUrl = appUrlCheck(paths);
  const options = { printer: 'parent', ...(workspace.length > 0 ? { workspace } : {}), ...(launchScenario === undefined ? {} : { launchScenario }) };
  const engine = utilityProcess.fork(paths.serviceHost, [JSON.stringify(options)], { serviceName: 'Rehearsal engine', stdio: 'inherit' });
  // report.pdf: the engine asks, Electron's own Chromium prints.
  engine.on('message', (message: unknown) => {
    if (isPrintRequest(message)) {
      const reply = (answer: PrintReply): void => engine.postMessage(answer);
      printHtmlToPdf(message.html).then(
        (pdf) => reply({ type: 'printed', id: message.id, ok: true, pdf: Buffer.from(pdf).toString('base64') }),
        (error: unknown) => reply({ type: 'printed', id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
    }
  });
  const api = connectService({
    post: (message) => engine.postMessage(message),
    onMessage(listener) {
      engine.on('message', listener);
      return () => engine.off('message', listener);
    },
  });
  engine.once('exit', (code) => api.disconnect(`the engine process ended (exit code ${code})`));
  registerApiHandlers(ipcMain, api, isAppUrl);
  const window = createMainWindow(paths.preload, isAppUrl);
  const channel: EventChannel = 'rehearsal:event';
  api.onDidEmitEvent((runId, event) => {
    if (!window.isDestroyed()) {
      window.webContents.send(channel, runId, event);
    }
  });
  void (paths.rendererUrl ? window.loadURL(paths.rendererUrl) : window.loadFile(paths.rendererFile));
  app.on('window-all-closed', () => {
    engine.kill();
    app.quit();
  });
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && app.relaunch());
}
