/**
 * `promtool test rules` on series written from a replay: the PSI of every window the
 * replay compared, as `model_feature_psi` and `model_prediction_psi` samples at each window's end,
 * against the exported rules (with `for: 0s`, the replay's `for: 1`). At every window's end, the
 * PSI alerts Prometheus has firing must be exactly those the replay's log says were firing then:
 * the exported rules and the replay's rules are the same rules. Deterministic, and takes seconds.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-main/contract/events';
import { prometheusRuleGroups } from '../../src-main/engine/common/monitoring/export/prometheusRules';
import { monitoringPlan, plannedFromReplay, type PlannedRule } from '../../src-main/engine/common/monitoring/monitoringPlan';
import { budgetsOf, driftAlertsOf, liveAlertsOf } from '../../src-main/engine/common/scenario/sections/alerts';
import { eventTimeMs } from '../../src-main/engine/common/view/eventSpan';
import { tempDir } from '../support/paths';
import { MARCH, ofKind, replay, scenario, table } from '../support/replayTables';
import { requireService } from '../support/services';

const EXTRA = `shifts:
  - operator: scale
    target: a
    factor: 3
    start: 2001-03-05T10:00:00
    end: 2001-03-05T16:00:00
alerts:
  drift:
    season: none
    minRows: 20
  live:
    for: 0s
`;
const PSI_RULES = new Set(['feature-psi', 'prediction-psi']);

/** Which PSI rules the replay had firing right after evaluating the window that ends at `at`. */
function firingAt(events: readonly RunEvent[], at: number): Set<string> {
  const firing = new Set<string>();
  for (const e of events) {
    if ((e.kind === 'alert.firing' || e.kind === 'alert.resolved') && PSI_RULES.has(e.rule) && e.eventTime !== null && eventTimeMs(e.eventTime) <= at) {
      const id = `${e.rule}|${e.subject}`;
      if (e.kind === 'alert.firing') {
        firing.add(id);
      } else {
        firing.delete(id);
      }
    }
  }
  return firing;
}

describe('exported rules on series from a replay', () => {
  it('fire under promtool at the event times the replay says they fired', async (context) => {
    const file = scenario(EXTRA);
    const events = await replay(EXTRA, table(MARCH, 24, 200, 3));
    const started = ofKind(events, 'replay.started')[0]!;
    const alerts = file.scenario.alerts;
    const rules = monitoringPlan(plannedFromReplay(started.models), {
      name: 'replay',
      drift: driftAlertsOf(alerts),
      live: liveAlertsOf(alerts),
      slaMs: null,
    }).filter((r) => PSI_RULES.has(r.rule));
    const windows = ofKind(events, 'drift.window');
    const t0 = eventTimeMs(windows[0]!.to);
    const step = started.windowMs;
    const sample = (v: number | null | undefined): string => (v === null || v === undefined ? '_' : String(v));
    // drift.window rounds PSI to 4 significant figures; the alert events carry the exact value that crossed.
    const exact = new Map(ofKind(events, 'alert.firing').map((e) => [`${e.rule}|${e.subject}|${e.to}`, e.value]));
    const series = [
      ...started.models[0]!.features.map((f, j) => ({
        series: `model_feature_psi{job="replay-blue",feature="${f.name}"}`,
        values: windows.map((w) => sample(exact.get(`feature-psi|${f.name}|${w.to}`) ?? w.features[j]!.psi)).join(' '),
      })),
      {
        series: 'model_prediction_psi{job="replay-blue"}',
        values: windows.map((w) => sample(exact.get(`prediction-psi|prediction|${w.to}`) ?? w.prediction?.psi)).join(' '),
      },
    ];
    const byId = new Map<string, PlannedRule>(rules.map((r) => [`${r.rule}|${r.subject}`, r]));
    const tests = windows.map((w, k) => {
      const firing = firingAt(events, eventTimeMs(w.to));
      return ['FeaturePsi', 'PredictionPsi'].map((alertname) => ({
        eval_time: `${k}h`,
        alertname,
        exp_alerts: [...firing]
          .map((id) => byId.get(id)!)
          .filter((r) => r.alert === alertname)
          .map((r) => ({
            exp_labels: {
              layer: String(r.layer),
              rule: r.rule,
              role: r.role,
              subject: r.subject,
              severity: 'page',
              job: 'replay-blue',
              ...(r.rule === 'feature-psi' ? { feature: r.subject } : {}),
            },
            exp_annotations: { summary: r.summary, budget: r.layer === 2 ? '1h' : '24h' },
          })),
      }));
    });
    const caught = tests.flat().filter((t) => t.exp_alerts.length > 0).length;
    // The shift makes a's PSI alert fire for its six hours; most windows have none.
    expect(caught).toBeGreaterThanOrEqual(6);
    expect(caught).toBeLessThan(tests.flat().length);
    expect(step).toBe(3_600_000);
    expect(t0).toBe(Date.UTC(2001, 2, 5, 1));

    const dir = tempDir();
    writeFileSync(join(dir, 'rules.yaml'), stringify(prometheusRuleGroups('replay', rules, budgetsOf(alerts))));
    writeFileSync(
      join(dir, 'test.yaml'),
      stringify({ rule_files: ['rules.yaml'], evaluation_interval: '1h', tests: [{ interval: '1h', input_series: series, alert_rule_test: tests.flat() }] }),
    );
    const result = spawnSync('promtool', ['test', 'rules', join(dir, 'test.yaml')], { encoding: 'utf8' });
    requireService(context, result.error === undefined, 'promtool (Debian package prometheus) is not installed');
    expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});
