/**
 * report.pdf: Chromium's printToPDF of report.html, through playwright-core driving the machine's
 * own Chromium (never a downloaded browser). Nothing leaves the machine: Chromium starts with its
 * background networking, component updates and sync off and every host name mapped to nothing,
 * the page has no script and no network, and any request it tries is aborted and reported.
 */
import { existsSync } from 'node:fs';

/** Turns the report's HTML into PDF bytes. The desktop app can supply one backed by Electron. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}

/** Where Chromium is, or why there is none. */
export type ChromiumLookup = { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

/** Debian's, other Linux distributions', and macOS's usual places. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** Chromium named by REHEARSAL_CHROMIUM, else the first usual place that has it. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const chosen = env['REHEARSAL_CHROMIUM'];
  if (chosen !== undefined && chosen !== '') {
    return existsSync(chosen) ? { found: true, path: chosen } : { found: false, reason: `REHEARSAL_CHROMIUM is ${chosen}, which does not exist` };
  }
  const path = CANDIDATES.find((candidate) => existsSync(candidate));
  return path ? { found: true, path } : { found: false, reason: `Chromium not found (looked for ${CANDIDATES.join(', ')}; set REHEARSAL_CHROMIUM to its path)` };
}

/** The flags that keep Chromium from sending anything off the machine (issue 11). */
export const OFFLINE_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND'];

/** A printer that starts Chromium at `executablePath` for each report. */
export function chromiumPrinter(executablePath: string): PdfPrinter {
  return {
    async print(html: string): Promise<Uint8Array> {
      // Loaded only when a PDF is asked for, so the CLI starts without it.
      const { chromium } = await import('playwright-core');
      const asRoot = process.getuid?.() === 0;
      const browser = await chromium.launch({
        executablePath,
        // Chromium's sandbox cannot start as root; elsewhere keep it.
        chromiumSandbox: !asRoot,
        args: [...(asRoot ? ['--no-sandbox'] : []), ...OFFLINE_FLAGS],
        timeout: 60_000,
      });
      try {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const attempted: string[] = [];
        await context.route('**/*', async (route) => {
          attempted.push(route.request().url());
          await route.abort('blockedbyclient');
        });
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
        if (attempted.length > 0) {
          throw new Error(`the report tried to fetch ${attempted.join(', ')}; it must be self-contained`);
        }
        return pdf;
      } finally {
        await browser.close();
      }
    },
  };
}
