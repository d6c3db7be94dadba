/**
 * The one secure window factory (STYLE.md 6): sandboxed, context-isolated, no Node in the page,
 * web security on; navigation, new windows and permission requests are denied in one place.
 */
import { BrowserWindow, type WebContents, type WebPreferences } from 'electron';

/** The webPreferences every window uses; a window without a preload (printing) gets no bridge at all. */
export function secureWebPreferences(preloadPath?: string): WebPreferences {
  return {
    ...(preloadPath === undefined ? {} : { preload: preloadPath }),
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

/**
 * Prints report HTML to PDF with Electron's own Chromium: a hidden window from the same factory
 * settings, no preload, JavaScript off, navigation denied (the report carries its own CSP too).
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({ show: false, webPreferences: { ...secureWebPreferences(), javascript: false } });
  lockDown(window.webContents, () => false);
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return new Uint8Array(await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' }));
  } finally {
    window.destroy();
  }
}
