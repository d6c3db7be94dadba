/**
 * End to end in Debian's chromium against browser mode: the first screen's History and Compare,
 * two real runs of the smoke scenario both listed, compared side by side (both named, changed
 * checks highlighted, lanes overlaid), a what-if from the history that reruns the load and opens
 * compared with its original, the top bar operated by keyboard with a visible focus, and axe-core
 * on each screen failing on any serious or critical violation. Screenshots go to
 * test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';
import { rehearse } from '../support/cli';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../support/chromium';
import { ROOT } from '../support/paths';
import { requireService } from '../support/services';

const SHOTS = join(ROOT, 'test-results/screenshots');
const available = chromiumAvailable;
const NEED = `Debian chromium (${CHROMIUM}) is needed for the e2e tests: apt-get install chromium`;
// The smoke scenario reads its reference from node_modules, which may be a link to another folder.
const WORKSPACE = ['--workspace', 'node_modules'];

describe('history, compare and what-if in the app', () => {
  let mode: BrowserMode;
  let context: BrowserContext;
  let page: Page;
  const runIds: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    if (!available) {
      return;
    }
    mkdirSync(SHOTS, { recursive: true });
    mode = await startBrowserMode(['--scenario', 'scenarios/smoke.yaml', ...WORKSPACE]);
    // Two runs of the same scenario in the app's runs folder, run headless as a team's CI would.
    for (const name of ['first', 'second']) {
      const result = rehearse(['run', 'scenarios/smoke.yaml', '--out', join(mode.runs, name), '--formats', 'json', ...WORKSPACE]);
      expect(result.code, result.stderr).toBe(1);
      const history = JSON.parse(rehearse(['history', '--runs', mode.runs, '--json']).stdout) as { runId: string; folder: string }[];
      runIds.push(history.find((r) => r.folder.endsWith(name))!.runId);
    }
    ({ context, page } = await launchChromium());
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    if (mode) {
      expect(await mode.stop()).toBe(0);
    }
  });

  it('offers New rehearsal, History and Compare on the first screen, Run stays Run, and the screen has no serious accessibility violation', async (ctx) => {
    requireService(ctx, available, NEED);
    await page.goto(mode.url);
    await expect.poll(() => page.getByRole('button', { name: '▶ Run' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    for (const name of ['New rehearsal', 'History', 'Compare']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await page.getByRole('button', { name: 'New rehearsal' }).getAttribute('title')).toMatch(/arrives with rehearse init/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reaches History by keyboard alone, with a visible focus ring, and lists both runs of the smoke scenario', async (ctx) => {
    requireService(ctx, available, NEED);
    const history = page.getByRole('button', { name: 'History', exact: true });
    let focused = false;
    for (let i = 0; i < 40 && !focused; i += 1) {
      await page.keyboard.press('Tab');
      focused = await history.evaluate((el) => el === el.ownerDocument.activeElement);
    }
    expect(focused).toBe(true);
    expect(await history.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const rows = page.locator('tr[data-run]');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.locator('td:nth-child(3)').allTextContents()).toEqual(['smoke', 'smoke']);
    expect(await rows.locator('.verdict').allTextContents()).toEqual(['NOT READY', 'NOT READY']);
    // Newest first.
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run')))).toEqual([runIds[1], runIds[0]]);
    await shot('07-history');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('compares the two runs: both named, seven checks with any change highlighted, the lanes overlaid', async (ctx) => {
    requireService(ctx, available, NEED);
    for (const runId of runIds) {
      await page.locator(`tr[data-run="${runId}"] input[type="checkbox"]`).check();
    }
    await page.getByRole('button', { name: 'Compare selected' }).click();
    const named = page.getByTestId('compare-runs');
    await named.waitFor();
    const text = await named.textContent();
    expect(text).toContain(`Before smoke · `);
    expect(text).toContain(runIds[0]!.slice(0, 8));
    expect(text).toContain(runIds[1]!.slice(0, 8));
    expect(text!.indexOf(runIds[0]!.slice(0, 8))).toBeLessThan(text!.indexOf(runIds[1]!.slice(0, 8)));
    expect(await page.locator('[data-check-change]').count()).toBe(7);
    // Only the load's measured checks can change between two runs of the same scenario on the same data.
    const changed = await page.locator('[data-check-change].changed').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-check-change')));
    expect(changed.every((id) => id === 'load-sla' || id === 'infrastructure-parity')).toBe(true);
    expect(await page.locator('[data-overlay="load"] [data-series]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-series')))).toEqual([
      'before staging',
      'before production',
      'after staging',
      'after production',
    ]);
    expect(await page.locator('[data-overlay="drift"]').getAttribute('data-state')).toBe('measured');
    expect(await page.locator('[data-overlay="traffic"]').textContent()).toMatch(/Not measured in either run/);
    await shot('08-compare');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('runs a what-if from the history (production max batch 1): it reruns the load and opens compared with its original', async (ctx) => {
    requireService(ctx, available, NEED);
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('button', { name: new RegExp(`^What-if from smoke .* ${runIds[0]!.slice(0, 8)}$`) }).click();
    await page.getByLabel('Profile').selectOption('production');
    await page.getByLabel('Knob').selectOption('maxBatch');
    await page.getByLabel('Value').fill('1');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Run what-if' }).click();
    expect(await page.getByTestId('whatif-status').textContent()).toMatch(/^Rerunning load; carried over as they were: distribution-shift/);
    await shot('09-what-if-running');
    const named = page.getByTestId('compare-runs');
    await named.waitFor({ timeout: 120_000 });
    expect(await named.textContent()).toContain(runIds[0]!.slice(0, 8));
    expect(await named.textContent()).toContain('production maxBatch=1');
    const figures = page.getByTestId('moved-figures');
    await expect.poll(() => figures.textContent()).toContain('production max batch81');
    await shot('10-what-if-compared');
    expect(await seriousViolations(page)).toEqual([]);
  }, 180_000);
});
