/** The desktop shell: one secure window over the renderer, the engine behind validated IPC. */
process.env['ORT_DISABLE_TELEMETRY'] = '1';
import { app, BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EventChannel } from '../contract/ipc';
import { createRehearsalService } from '../engine/node/service/rehearsalService';
import { registerApiHandlers } from './ipc';
import { createMainWindow } from './window';

const rendererUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const appOrigin = rendererUrl ? new URL(rendererUrl).origin : null;

/** Our pages: the dev server's origin in development, the bundled file otherwise. */
function isAppUrl(url: string): boolean {
  const parsed = new URL(url);
  return appOrigin !== null ? parsed.origin === appOrigin : parsed.href === pathToFileURL(rendererFile).href;
}

void app.whenReady().then(() => {
  const service = createRehearsalService();
  registerApiHandlers(ipcMain, service, isAppUrl);
  const window = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), isAppUrl);
  const channel: EventChannel = 'rehearsal:event';
  service.onDidEmitEvent((runId, event) => {
    if (!window.isDestroyed()) {
      window.webContents.send(channel, runId, event);
    }
  });
  void (rendererUrl ? window.loadURL(rendererUrl) : window.loadFile(rendererFile));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && app.relaunch());
});
