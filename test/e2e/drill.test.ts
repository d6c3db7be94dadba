/**
 * Drill mode end to end: playwright-core drives Debian's chromium against browser mode.
 * A real run of the built-in shift-scale scenario (the built CLI, real ORT and DuckDB) is opened
 * as a drill; every WebSocket frame the page receives is kept, so "nothing from the future is
 * shown" is checked on what reached the page at all, not only on what it drew.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOfKind, RunEvent } from '../../src-main/contract/events';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';
import { rehearse, runEvents } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';
import { requireService } from '../support/services';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../support/chromium';

const SHOTS = join(ROOT, 'test-results/screenshots');
const available = chromiumAvailable;

function ofKind<K extends RunEvent['kind']>(events: readonly RunEvent[], kind: K): EventOfKind<K>[] {
  return events.filter((e): e is EventOfKind<K> => e.kind === kind);
}

/** Every `seq` and `lastSeq` in the frames the page received. */
function seqsIn(frames: string): number[] {
  return [...frames.matchAll(/"(?:seq|lastSeq)":(\d+)/g)].map((m) => Number(m[1]));
}

describe('a drill in the app, in a browser', () => {
  let mode: BrowserMode;
  let context: BrowserContext;
  let page: Page;
  let out: string;
  let events: RunEvent[];
  const frames: string[] = [];

  beforeAll(async () => {
    if (!available) {
      return;
    }
    mkdirSync(SHOTS, { recursive: true });
    out = join(tempDir(), 'shift');
    expect(rehearse(['run', join(ROOT, 'scenarios/shift-scale.yaml'), '--out', out, '--formats', 'json']).code).toBe(1);
    events = runEvents(out);
    // The log is outside the app's own folders: the person names its folder at launch.
    mode = await startBrowserMode(['--workspace', out]);
    ({ context, page } = await launchChromium());
    page.on('websocket', (ws) => ws.on('framereceived', (frame) => frames.push(String(frame.payload))));
  });

  afterAll(async () => {
    await context?.close();
    if (mode) {
      expect(await mode.stop()).toBe(0);
    }
  });

  it('stops at each stop with only the past visible, takes the answers, debriefs and scores', async (ctx) => {
    requireService(ctx, available, `Debian chromium (${CHROMIUM}) is needed for the e2e tests: apt-get install chromium`);
    const injected = ofKind(events, 'shift.injected')[0]!;
    const alert = ofKind(events, 'alert.firing').find((a) => a.subject === 'distance')!;
    const resolved = ofKind(events, 'alert.resolved').find((r) => r.subject === 'distance')!;
    const stop = page.getByTestId('drill-stop');

    await page.goto(mode.url);
    await page.getByRole('button', { name: 'Drill…' }).click();
    await page.getByLabel('Run log').fill(join(out, 'events.jsonl'));
    await page.getByRole('button', { name: 'Open drill' }).click();
    await expect.poll(() => stop.getAttribute('data-stop')).toBe('quiet-start');
    await expect.poll(() => page.getByRole('button', { name: 'Hold', exact: true }).isVisible()).toBe(true);
    const firstSeq = Number(await stop.getAttribute('data-seq'));
    expect(firstSeq).toBeLessThan(injected.seq);
    // Stop 1 (March 6, noon): the drift lane has drawn the windows so far; the shift and its alert are nowhere, not even on the wire.
    expect(await page.locator('[data-lane="drift"]').getAttribute('data-state')).toBe('measured');
    const beforeFirst = frames.join('\n');
    expect(beforeFirst).toContain('A day and a half of March traffic');
    expect(beforeFirst).not.toContain('Shift injected');
    expect(beforeFirst).not.toContain('scale distance');
    expect(beforeFirst).not.toContain(alert.message);
    expect(beforeFirst).not.toContain('2001-03-07T');
    // No event, activity line or view past the stop reached the page.
    expect(Math.max(...seqsIn(beforeFirst))).toBe(firstSeq);
    expect(await page.textContent('body')).not.toContain('Shift injected');
    await page.screenshot({ path: join(SHOTS, '20-drill-first-stop.png'), fullPage: true });

    frames.length = 0;
    await page.getByRole('button', { name: 'Hold', exact: true }).click();
    await expect.poll(() => stop.getAttribute('data-stop')).toBe('distance-alert');
    await expect.poll(() => page.getByRole('button', { name: 'Investigate', exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('drill-debrief').textContent()).toContain('right: you chose hold; expected hold.');
    // Stop 2: the alert is on screen; its resolution, later windows and the verdict are not, on screen or on the wire.
    await expect.poll(() => page.getByTestId('drill-stop').textContent()).toContain(alert.message);
    // Every alert up to this one (single busy hours before the shift among them), none after it.
    const alertsSoFar = ofKind(events, 'alert.firing').filter((a) => a.seq <= alert.seq).length;
    expect(await page.locator('[data-lane="alerts"] svg').getAttribute('aria-label')).toBe(`Alerts: ${alertsSoFar} in four layers, 1 injected faults`);
    const beforeSecond = frames.join('\n');
    expect(beforeSecond).toContain('Shift injected');
    expect(beforeSecond).not.toContain(resolved.to.slice(0, 13));
    expect(beforeSecond).not.toMatch(/"verdict":"(READY|NOT READY)"/);
    expect(beforeSecond).not.toContain('Run finished');
    expect(Math.max(...seqsIn(beforeSecond))).toBe(alert.seq);
    // The alert is drawn still firing: its resolution is in the future.
    const titles = await page.locator('[data-lane="alerts"] rect.alert title').allTextContents();
    expect(titles.find((t) => t.includes('distance'))).toContain('still firing');
    await page.screenshot({ path: join(SHOTS, '21-drill-alert-stop.png'), fullPage: true });

    await page.getByLabel('Feature or layer to investigate').fill('distance');
    await page.getByRole('button', { name: 'Investigate', exact: true }).click();
    await expect.poll(() => page.getByTestId('drill-score').textContent()).toContain('2 of 2 right');
    expect(await page.getByTestId('drill-debrief').textContent()).toContain('Investigate distance. From 10:00 on March 7');
    // After the last answer the whole run is the past: the verdict arrives.
    await expect.poll(() => page.locator('[data-check="distribution-shift"]').getAttribute('data-status')).not.toBe('PENDING');
    await page.screenshot({ path: join(SHOTS, '22-drill-scorecard.png'), fullPage: true });
  });
});
