/**
 * The one secure window factory (STYLE.md 6): sandboxed, context-isolated, no Node in the page,
 * web security on; navigation, new windows and permission requests are denied in one place.
 */
import { BrowserWindow, type WebContents, type WebPreferences } from 'electron';

/** The webPreferences every window uses. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Denies navigation away from the app, window.open and every permission request. */
export function lockDown(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
    }
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

/** Creates the main window. */
export function createMainWindow(preloadPath: string, isAppUrl: (url: string) => boolean): BrowserWindow {
  const window = new BrowserWindow({ width: 1440, height: 900, show: false, title: 'Rehearsal', webPreferences: secureWebPreferences(preloadPath) });
  lockDown(window.webContents, isAppUrl);
  window.once('ready-to-show', () => window.show());
  return window;
}
