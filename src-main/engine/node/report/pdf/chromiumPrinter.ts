/**
 * report.pdf: Chromium's printToPDF of report.html over the DevTools protocol, with the machine's
 * own Chromium (never a downloaded browser). Nothing leaves the machine: Chromium starts with its
 * background networking, component updates and sync off and every host name mapped to nothing,
 * the page runs no script, and any request it tries is failed and reported (the
 * report's CSP already forbids them; this catches a report that lost its CSP).
 */
import { existsSync } from 'node:fs';
import { DevtoolsPipe } from './devtoolsPipe';

/** Turns the report's HTML into PDF bytes. The desktop app can supply one backed by Electron's printToPDF. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}

/** Where Chromium is, or why there is none. */
export type ChromiumLookup = { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

/** Debian's, other Linux distributions', and macOS's usual places. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Chromium named by REHEARSAL_CHROMIUM, else the first usual place that has it. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const chosen = env['REHEARSAL_CHROMIUM'];
  if (chosen !== undefined && chosen !== '') {
    return existsSync(chosen) ? { found: true, path: chosen } : { found: false, reason: `REHEARSAL_CHROMIUM is ${chosen}, which does not exist` };
  }
  const path = CANDIDATES.find((candidate) => existsSync(candidate));
  return path
    ? { found: true, path }
    : { found: false, reason: `Chromium not found (looked for ${CANDIDATES.join(', ')}; set REHEARSAL_CHROMIUM to its path)` };
}

/** The flags that keep Chromium from sending anything off the machine. */
const OFFLINE_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];
const QUIET_FLAGS = ['--disable-gpu', '--disable-extensions', '--no-default-browser-check', '--mute-audio'];

/** How long one print may take before Chromium is stopped. */
const PRINT_TIMEOUT_MS = 60_000;

/** A printer that starts Chromium at `executablePath` for each report. */
export function chromiumPrinter(executablePath: string): PdfPrinter {
  return {
    async print(html: string): Promise<Uint8Array> {
      // Chromium's sandbox cannot start as root (CI runs as root); elsewhere it stays on.
      const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
      const browser = new DevtoolsPipe(executablePath, [...sandbox, ...OFFLINE_FLAGS, ...QUIET_FLAGS]);
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Chromium did not print within ${PRINT_TIMEOUT_MS / 1000} s`)), PRINT_TIMEOUT_MS);
        });
        return await Promise.race([printWith(browser, html), timeout]);
      } finally {
        clearTimeout(timer);
        await browser.close();
      }
    },
  };
}

async function printWith(browser: DevtoolsPipe, html: string): Promise<Uint8Array> {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  const attempted: string[] = [];
  browser.onEvent((event) => {
    if (event.method === 'Fetch.requestPaused' && event.sessionId === sessionId) {
      const { requestId, request } = event.params as { requestId: string; request: { url: string } };
      attempted.push(request.url);
      browser.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }, sessionId).catch(() => undefined);
    }
  });
  await browser.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId);
  await browser.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, sessionId);
  const { frameTree } = (await browser.send('Page.getFrameTree', {}, sessionId)) as { frameTree: { frame: { id: string } } };
  await browser.send('Page.setDocumentContent', { frameId: frameTree.frame.id, html }, sessionId);
  const { data } = (await browser.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true }, sessionId)) as { data: string };
  if (attempted.length > 0) {
    throw new Error(`the report tried to fetch ${attempted.join(', ')}; it must be self-contained`);
  }
  return Buffer.from(data, 'base64');
}
