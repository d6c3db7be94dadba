/**
 * The seed's UTC-vs-local serving bug (scenarios/demo-utc-bug.yaml), caught by name whatever the
 * machine's time zone: the run is repeated under TZ=UTC (where CI machines run, and where a bug
 * that leaned on the machine's zone would hide) and TZ=Asia/Kolkata (UTC+05:30, no DST), and
 * must give the same mismatches. The same day without the bug gives the cost of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventOfKind, RunEvent } from '../../src-main/contract/events';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse } from '../support/cli';
import { narrowedDemo } from '../support/demoScenario';
import { tempDir } from '../support/paths';

function run(file: string, tz: string): { events: RunEvent[]; report: ReadinessReport; code: number | null } {
  const dir = tempDir();
  const out = join(dir, 'run');
  const result = rehearse(['run', narrowedDemo(file, { dir, sample: 200 }), '--out', out, '--formats', 'json'], { env: { TZ: tz } });
  return {
    code: result.code,
    events: readFileSync(join(out, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as RunEvent),
    report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport,
  };
}

function ofKind<K extends RunEvent['kind']>(events: readonly RunEvent[], kind: K): EventOfKind<K>[] {
  return events.filter((e): e is EventOfKind<K> => e.kind === kind);
}

describe('the UTC serving bug', () => {
  it('is caught by name under TZ=UTC and TZ=Asia/Kolkata alike, and costs both models AUC and log loss', () => {
    const utc = run('demo-utc-bug.yaml', 'UTC');
    const kolkata = run('demo-utc-bug.yaml', 'Asia/Kolkata');
    for (const { code, report, events } of [utc, kolkata]) {
      expect(code).toBe(1);
      const check = report.checks.find((c) => c.id === 'feature-parity')!;
      expect(check.status).toBe('FAIL');
      expect(check.observed).toContain(
        'blue-v1 (serving variant departure-hour-utc): 5 features on 200 of 200 sampled requests; dep_hour differs on 100% of them',
      );
      expect(check.observed).toContain(
        'green-v2 (serving variant departure-hour-utc): 6 features on 200 of 200 sampled requests; dep_hour differs on 100% of them',
      );
      // dep_hour and nothing else: the bug is named, not smeared over every feature.
      for (const parity of ofKind(events, 'feature.parity')) {
        expect(parity.features.filter((f) => !f.passed).map((f) => f.name)).toEqual(['dep_hour']);
        // Every US zone is 4 to 10 hours behind UTC in March: an 08:00 departure is served as 13:00 to 18:00.
        for (const example of parity.features.find((f) => f.name === 'dep_hour')!.examples) {
          expect((example.serving! - example.training! + 24) % 24).toBeGreaterThanOrEqual(4);
          expect((example.serving! - example.training! + 24) % 24).toBeLessThanOrEqual(10);
        }
      }
    }
    // The machine's zone changes nothing: the same requests, the same values, the same scores.
    const strip = (events: RunEvent[]) => ofKind(events, 'feature.parity').map((p) => p.features);
    expect(strip(kolkata.events)).toEqual(strip(utc.events));
    expect(kolkata.report.scores.map((s) => [s.auc, s.logLoss])).toEqual(utc.report.scores.map((s) => [s.auc, s.logLoss]));

    // The same day without the bug, under the non-UTC zone: parity holds and both models score better.
    const correct = run('demo.yaml', 'Asia/Kolkata');
    expect(correct.report.checks.find((c) => c.id === 'feature-parity')?.status).toBe('PASS');
    for (const [k, score] of correct.report.scores.entries()) {
      const buggy = utc.report.scores[k]!;
      expect(buggy.n).toBe(score.n);
      expect(buggy.auc!).toBeLessThan(score.auc!);
      expect(buggy.logLoss!).toBeGreaterThan(score.logLoss!);
    }
  });
});
