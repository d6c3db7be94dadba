/**
 * End to end: playwright-core drives Debian's chromium (never a downloaded browser)
 * against browser mode on the smoke scenario. Open it, Run, pause, step, roll back by hand, see
 * each lane draw from the real run's events or say why it cannot, brush the timeline, export the
 * report. Screenshots of each screen go to test-results/screenshots/ (README, "Desktop app").
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-main/contract/events';
import { seriousViolations } from '../support/axe';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';
import { requireService } from '../support/services';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../support/chromium';
import { ROOT } from '../support/paths';

const SHOTS = join(ROOT, 'test-results/screenshots');
const available = chromiumAvailable;

describe('the app in a browser', () => {
  let mode: BrowserMode;
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const lane = (id: string) => page.locator(`[data-lane="${id}"]`);

  beforeAll(async () => {
    if (!available) {
      return;
    }
    mkdirSync(SHOTS, { recursive: true });
    // The smoke scenario reads its reference from node_modules, which may be a link to another folder.
    mode = await startBrowserMode(['--scenario', 'scenarios/smoke.yaml', '--workspace', 'node_modules']);
    ({ context, page } = await launchChromium());
  });

  afterAll(async () => {
    await context?.close();
    if (mode) {
      expect(await mode.stop()).toBe(0);
    }
  });

  it('opens with the smoke scenario selected and Run enabled', async (ctx) => {
    requireService(ctx, available, `Debian chromium (${CHROMIUM}) is needed for the e2e tests: apt-get install chromium`);
    await page.goto(mode.url);
    // The token went into a cookie; the address bar no longer shows it.
    expect(page.url()).toBe(`${mode.origin}/`);
    // The first poll also waits for the page to boot and fetch its launch state, which on a loaded
    // machine takes longer than expect.poll's default second.
    await expect.poll(() => page.getByRole('button', { name: '▶ Run' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('button', { name: /smoke/, pressed: true }).count()).toBe(1);
    expect(await lane('predictions').getAttribute('data-state')).toBe('idle');
    await shot('01-scenario-library');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a bad scenario file with each problem at its field path', async (ctx) => {
    requireService(ctx, available, `Debian chromium (${CHROMIUM}) is needed for the e2e tests`);
    await page.getByRole('button', { name: 'Open file…' }).click();
    await page.getByLabel('Path of a scenario file (YAML) on this machine').fill(join(ROOT, 'test/fixtures/scenarios/typo-key.yaml'));
    await page.getByRole('button', { name: 'Validate and open' }).click();
    const problems = page.getByRole('alert', { name: /Problems in/ });
    await problems.waitFor();
    expect(await problems.textContent()).toContain('snapshots.production.timestmap');
    expect(await page.getByRole('button', { name: '▶ Run' }).isEnabled()).toBe(false);
    await shot('02-open-file-validation');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^smoke/ }).click();
    await expect.poll(() => page.getByRole('button', { name: '▶ Run' }).isEnabled()).toBe(true);
  });

  it('runs at 1x, pauses, steps and rolls back by hand: the command is sent and recorded though no rollout runs yet', async (ctx) => {
    requireService(ctx, available, `Debian chromium (${CHROMIUM}) is needed for the e2e tests`);
    await page.getByRole('radio', { name: '1x', exact: true }).click();
    await page.getByRole('button', { name: '▶ Run' }).click();
    // At 1x, three days of flights would take three days: the run is still replaying when we pause it.
    await page.locator('[data-task="replay.production"]').waitFor();
    await page.getByRole('button', { name: /Pause/ }).click();
    await page.getByTestId('run-state').filter({ hasText: 'paused' }).waitFor();
    // Step lets one event-time window through: the drift lane gains a column.
    const windows = async () =>
      Number(/over (\d+) windows/.exec((await lane('drift').locator('svg[role="img"]').first().getAttribute('aria-label')) ?? '')?.[1] ?? 0);
    await expect.poll(windows).toBeGreaterThan(0);
    const before = await windows();
    await page.getByRole('button', { name: /Step/ }).click();
    await expect.poll(windows).toBe(before + 1);
    await page.getByRole('button', { name: /Roll back/ }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Roll back: recorded in the log; this run has no rollout phase');
    await page
      .getByText(/^Roll back: recorded in the log/)
      .first()
      .waitFor();
    await shot('03-paused-rolled-back');
  });

  it('finishes at full speed: the prediction, drift, alert and load lanes draw from the real run, every other lane says it was not measured', async (ctx) => {
    requireService(ctx, available, `Debian chromium (${CHROMIUM}) is needed for the e2e tests`);
    await page.getByRole('radio', { name: 'max' }).click();
    await page.getByRole('button', { name: /Resume/ }).click();
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').textContent()).toBe('NOT READY');
    expect(await lane('predictions').getAttribute('data-state')).toBe('measured');
    expect(await lane('predictions').locator('rect.bar-blue').count()).toBe(20);
    expect(await lane('predictions').textContent()).toContain('smoke-v1 (n=49,071)');
    expect(await lane('drift').getAttribute('data-state')).toBe('measured');
    expect(await lane('alerts').getAttribute('data-state')).toBe('measured');
    // The smoke scenario's seconds of load under its two profiles fill the load panel, one panel per profile.
    expect(await lane('load').getAttribute('data-state')).toBe('measured');
    expect(await lane('load').locator('g.panel text.panel-title').allTextContents()).toEqual(['staging', 'production']);
    for (const id of ['traffic', 'latency']) {
      expect(await lane(id).getAttribute('data-state'), id).toBe('not-measured');
      expect(await lane(id).textContent(), id).toMatch(/Not measured in this runthis run had no \w+ phase/);
    }
    expect(await page.locator('[data-check]').count()).toBe(7);
    await shot('04-run-finished');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('brushes the timeline: every lane shows the brushed range', async (ctx) => {
    requireService(ctx, available, `Debian chromium (${CHROMIUM}) is needed for the e2e tests`);
    const overview = page.getByTestId('overview');
    const box = (await overview.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.35, box.y + 16);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 16, { steps: 5 });
    await page.mouse.up();
    const header = page.locator('.timeline .panel-sub');
    await expect.poll(() => header.textContent()).not.toContain('2001-03-01 00:00 →');
    expect(await lane('predictions').getAttribute('data-state')).toBe('measured');
    await shot('05-timeline-brushed');
    await page.getByRole('button', { name: 'Whole run' }).click();
    await expect.poll(() => header.textContent()).toContain('2001-03-01 00:00 →');
  });

  it('exports the report from the app: the files exist, and the log holds the roll back', async (ctx) => {
    requireService(ctx, available, `Debian chromium (${CHROMIUM}) is needed for the e2e tests`);
    await page.getByRole('button', { name: /Export/ }).click();
    await page.getByRole('checkbox', { name: 'md' }).check();
    await page.getByRole('button', { name: 'Write files' }).click();
    const result = page.getByTestId('export-result');
    await result.waitFor();
    const paths = await result.locator('code').allTextContents();
    expect(paths.map((p) => p.split('/').at(-1))).toEqual(['report.json', 'report.md', 'report.html']);
    for (const path of paths) {
      expect(existsSync(path), path).toBe(true);
    }
    await shot('06-report-exported');
    expect(await seriousViolations(page)).toEqual([]);
    const [runId] = readdirSync(mode.runs);
    const log = readFileSync(join(mode.runs, runId!, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as RunEvent);
    expect(log.filter((e) => e.kind === 'run.control').map((e) => e.kind === 'run.control' && `${e.command.kind}:${e.effect}`)).toEqual([
      'pause:applied',
      'step:applied',
      'rollback:recorded',
      'speed:applied',
      'resume:applied',
    ]);
  });
});
