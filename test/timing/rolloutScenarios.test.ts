/**
 * The rollout scenarios end to end through the built CLI: real servers, the real router,
 * real flights from March on. Their verdicts read p99 latency at the router (a gate with a 500 ms
 * SLA, and the slow green's fault), so they run here, one file at a time, where nothing else
 * competes for the cores. The slow green's fault is sized in the run itself: at least ten times
 * blue's p99 measured through the router during the warm-up, and above the SLA.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventOfKind, RunEvent } from '../../src-main/contract/events';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse, runEvents } from '../support/cli';
import { tempDir } from '../support/paths';

function run(scenario: string) {
  const out = tempDir();
  const result = rehearse(['run', `scenarios/${scenario}.yaml`, '--out', out]);
  const events = runEvents(out);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
  const of = <K extends RunEvent['kind']>(kind: K) => events.filter((e): e is EventOfKind<K> => e.kind === kind);
  const check = report.checks.find((c) => c.id === 'rollback-readiness')!;
  return { result, events, report, of, check };
}

describe('rollout scenarios', () => {
  it('green is better: every gate passes on March 1-4, green is promoted, then the retreat is drilled', () => {
    const { result, of, check, report } = run('rollout-green-better');
    // The six checks this scenario does not enable keep the verdict NOT READY (exit 1).
    expect(result.code).toBe(1);
    expect(of('router.weights').map((e) => e.weights.green)).toEqual([10, 25, 50, 100, 0]);
    expect(
      of('rollout.analysis')
        .filter((e) => !e.background)
        .map((e) => e.outcome),
    ).toEqual(['pass', 'pass', 'pass']);
    const outcome = of('rollout.step').find((s) => s.index === 3)!.metrics.outcome!;
    expect(outcome.greenAuc!).toBeGreaterThan(outcome.blueAuc!);
    expect(of('rollout.finished')[0]).toMatchObject({ outcome: 'promoted', drill: { blueAnswered: 20, blueFailed: 0 }, blueProbes: { failed: 0 } });
    expect(check.status).toBe('PASS');
    expect(report.charts.trafficSplit.measured).toBe(true);
    expect(report.charts.rolloutLatency).toMatchObject({
      measured: true,
      data: { slaMs: 500, steps: [{ greenPercent: 10 }, { greenPercent: 25 }, { greenPercent: 50 }, { greenPercent: 100 }] },
    });
    expect(result.stdout).toContain('rollback-readiness     PASS');
  });

  it("green is worse on May's real flights: rolled back at its second analysis, once the first day's labels arrived", () => {
    const { of, check } = run('rollout-green-worse');
    const aborted = of('rollout.aborted')[0]!;
    expect(aborted).toMatchObject({ source: 'gate', stepIndex: 3 });
    expect(aborted.reason).toMatch(/^analysis at step 4 failed: businessOutcome AUC blue 0\.63\d+, green 0\.57\d+ on \d+ labelled rows$/);
    // Detected two days of event time after green first took traffic (the label delay is a day).
    expect(aborted.detect!.eventMs).toBe(2 * 86_400_000);
    expect(of('router.weights').map((e) => e.weights.green)).toEqual([10, 25, 0]);
    expect(check.status).toBe('PASS');
    expect(check.observed).toContain('green was rolled back (analysis at step 4 failed: businessOutcome');
  });

  it("green is slow under load: a latency fault of at least ten times blue's p99 and above the SLA is rolled back mid-step", () => {
    const { of, check } = run('rollout-green-slow');
    const baseline = of('rollout.baseline')[0]!;
    const fault = baseline.greenFaults?.latency;
    expect(fault?.distribution).toBe('fixed');
    const ms = fault?.distribution === 'fixed' ? fault.ms : 0;
    expect(ms).toBeGreaterThanOrEqual(10 * baseline.blueP99Ms!);
    expect(ms).toBeGreaterThan(500);
    const aborted = of('rollout.aborted')[0]!;
    expect(aborted).toMatchObject({ source: 'gate', stepIndex: 1 });
    expect(aborted.reason).toContain('p99LatencyMs failed');
    const step = of('rollout.step')[0]!;
    expect(step.cut).toBe(true);
    expect(step.sides.green.p99Ms!).toBeGreaterThan(500);
    expect(step.sides.blue.p99Ms!).toBeLessThan(ms / 2);
    // Caught within the first day of event time, before its analysis would have run.
    expect(aborted.detect!.eventMs).toBeLessThan(86_400_000);
    expect(check.status).toBe('PASS');
  });
});
