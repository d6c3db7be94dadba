/**
 * The monitoring export's files from a fixed plan: Prometheus rules with a group per
 * layer and the seed's PSI > 0.25 on every input feature, and a classic Grafana dashboard with the
 * datasource as an input and a row per layer, laid out without overlaps.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { monitoringExport } from '../../../src-main/engine/common/monitoring/export/monitoringExport';
import type { PlannedModel } from '../../../src-main/engine/common/monitoring/monitoringPlan';
import { parseScenarioText } from '../../../src-main/engine/common/scenario/parse';

const BLUE: PlannedModel = {
  role: 'blue',
  model: 'blue-v1',
  features: [
    { name: 'distance', kind: 'numeric', psiThreshold: 0.25, referenceNullRate: 0.01 },
    { name: 'origin', kind: 'categorical', psiThreshold: 0.25, referenceNullRate: 0 },
  ],
  predictionPsi: 0.25,
  reference: { positiveRate: 0.2, auc: 0.63 },
  positiveRate: 0.1,
  aucDrop: 0.1,
};
const GREEN: PlannedModel = { ...BLUE, role: 'green', model: 'green-v2', reference: { positiveRate: null, auc: null } };

function scenario(alerts: string) {
  const parsed = parseScenarioText(
    `name: Demo Flights\nmodels: { blue: { path: m } }\nsnapshots: { production: { path: p, timestamp: t } }\nload: { peakRps: 5, sla: 250ms }\n${alerts}`,
    's.yaml',
  );
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  return parsed.scenario;
}

interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

describe('export-monitoring files', () => {
  const exported = monitoringExport(scenario('alerts:\n  live:\n    for: 2s\n  budgets:\n    layer2: 30m\n'), [BLUE, GREEN], 'demo-flights', 's.yaml');
  const rules = parse(exported.files.find((f) => f.file === 'prometheus-rules.yaml')!.text) as { groups: { name: string; rules: Rule[] }[] };
  const dashboard = JSON.parse(exported.files.find((f) => f.file === 'grafana-dashboard.json')!.text) as {
    __inputs: Record<string, string>[];
    panels: Record<string, unknown>[];
    uid: string;
  };

  it('writes a group per layer, each rule labelled with its layer and carrying its budget', () => {
    expect(rules.groups.map((g) => g.name)).toEqual([
      'demo-flights-layer-1-infrastructure',
      'demo-flights-layer-2-data-quality',
      'demo-flights-layer-3-prediction',
      'demo-flights-layer-4-business',
    ]);
    rules.groups.forEach((g, k) => {
      expect(g.rules.every((r) => r.labels['layer'] === String(k + 1) && r.for === '2s')).toBe(true);
    });
    expect(rules.groups[1]!.rules[0]!.annotations['budget']).toBe('30m');
    expect(rules.groups[3]!.rules[0]!.annotations['budget']).toContain('none');
    expect(exported.rulesPerLayer).toEqual({ 1: 6, 2: 2 * (3 + 4), 3: 2, 4: 4 });
  });

  it('alerts at PSI > 0.25 on every input feature of every model, on the metric names the server exposes', () => {
    const psi = rules.groups[1]!.rules.filter((r) => r.alert === 'FeaturePsi');
    expect(psi.map((r) => r.expr)).toEqual([
      'model_feature_psi{job="demo-flights-blue",feature="distance"} > 0.25',
      'model_feature_psi{job="demo-flights-blue",feature="origin"} > 0.25',
      'model_feature_psi{job="demo-flights-green",feature="distance"} > 0.25',
      'model_feature_psi{job="demo-flights-green",feature="origin"} > 0.25',
    ]);
    // Null rate above the reference's by more than alerts.drift.nullRate (0.05); unseen only for categories.
    expect(rules.groups[1]!.rules.find((r) => r.alert === 'FeatureNulls')!.expr).toBe(
      'model_feature_null_ratio{job="demo-flights-blue",feature="distance"} > 0.06',
    );
    expect(rules.groups[1]!.rules.filter((r) => r.alert === 'FeatureUnseen').map((r) => r.labels['subject'])).toEqual(['origin', 'origin']);
    // The load SLA is the p99 bound when alerts.live.p99 is not set.
    expect(rules.groups[0]!.rules.find((r) => r.alert === 'ModelServerLatencyP99')!.expr).toMatch(
      /model_server_request_duration_seconds_bucket\{job="demo-flights-blue"\}\[1m\]\)\)\) > 0\.25$/,
    );
    // Layer 4 against the reference when known, else the same hour a week before.
    expect(rules.groups[3]!.rules.map((r) => r.expr)).toEqual([
      'abs(model_label_positive_ratio{job="demo-flights-blue"} - 0.2) > 0.1',
      'model_auc{job="demo-flights-blue"} < 0.53',
      'abs(model_label_positive_ratio{job="demo-flights-green"} - model_label_positive_ratio{job="demo-flights-green"} offset 1w) > 0.1',
      'model_auc{job="demo-flights-green"} offset 1w - model_auc{job="demo-flights-green"} > 0.1',
    ]);
  });

  it('writes a classic dashboard: the datasource an input, a row per layer, panels on it without overlap', () => {
    expect(dashboard.__inputs).toEqual([expect.objectContaining({ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' })]);
    expect(dashboard.uid).toBe('demo-flights');
    const rows = dashboard.panels.filter((p) => p['type'] === 'row');
    expect(rows.map((r) => String(r['title']).slice(0, 8))).toEqual(['Layer 1:', 'Layer 2:', 'Layer 3:', 'Layer 4:']);
    const charts = dashboard.panels.filter((p) => p['type'] !== 'row');
    expect(charts.every((p) => (p['datasource'] as { uid: string }).uid === '${DS_PROMETHEUS}')).toBe(true);
    expect(
      charts.every((p) =>
        (p['targets'] as { expr: string; datasource: { uid: string } }[]).every(
          (t) => t.expr.includes('job=~"demo-flights-blue|demo-flights-green"') && t.datasource.uid === '${DS_PROMETHEUS}',
        ),
      ),
    ).toBe(true);
    expect(new Set(dashboard.panels.map((p) => p['id'])).size).toBe(dashboard.panels.length);
    const boxes = dashboard.panels.map((p) => p['gridPos'] as { x: number; y: number; w: number; h: number });
    for (const [i, a] of boxes.entries()) {
      expect(a.x + a.w).toBeLessThanOrEqual(24);
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
    }
    const psiPanel = charts.find((p) => String(p['title']).startsWith('Feature PSI'))!;
    expect(
      (psiPanel['fieldConfig'] as { defaults: { thresholds: { steps: { value: number | null }[] } } }).defaults.thresholds.steps.map((s) => s.value),
    ).toEqual([null, 0.25]);
  });
});
