/** Debian's chromium (never a downloaded browser) launched for the e2e tests through playwright-core. */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tempDir } from './paths';

export const CHROMIUM = '/usr/bin/chromium';

/** True when the machine has Debian's chromium. */
export const chromiumAvailable = existsSync(CHROMIUM);

/** A fresh profile in a temporary folder, no background traffic, a desktop-sized window; its first page. */
export async function launchChromium(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(tempDir('rehearsal-chromium-'), {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1440, height: 960 },
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}
