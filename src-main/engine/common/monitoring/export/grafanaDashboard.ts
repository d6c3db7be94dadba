/**
 * An importable Grafana dashboard: the classic JSON model with the Prometheus
 * datasource as an `__inputs` input (Grafana asks for it on import), a row per monitoring layer,
 * and each rule's threshold drawn on its panel, so the dashboard and the alerts agree.
 */
import type { MonitoringLayer } from '../../../../contract/charts';
import { METRICS } from '../metricNames';
import type { PlannedRule } from '../monitoringPlan';
import { LAYER_TITLES } from './prometheusRules';

const DATASOURCE = { type: 'prometheus', uid: '${DS_PROMETHEUS}' } as const;
const WIDTH = 8;
const HEIGHT = 8;

interface PanelSpec {
  readonly title: string;
  readonly exprs: readonly { readonly expr: string; readonly legend: string }[];
  readonly unit: string;
  /** The alert threshold drawn as a red step, when one rule sets it for the whole panel. */
  readonly threshold: number | null;
}

/** The rules of one layer with one rule id. */
type RulesOf = (layer: MonitoringLayer, rule: string) => PlannedRule[];

/** The dashboard as a plain object (write it with JSON.stringify). */
export function grafanaDashboard(name: string, title: string, rules: readonly PlannedRule[], jobs: readonly string[]): Record<string, unknown> {
  const job = `job=~"${jobs.join('|')}"`;
  const by: RulesOf = (layer, rule) => rules.filter((r) => r.layer === layer && r.rule === rule);
  const rows: Record<MonitoringLayer, PanelSpec[]> = {
    1: infrastructurePanels(job, by),
    2: dataQualityPanels(job, by),
    3: predictionPanels(job, by),
    4: businessPanels(job, by),
  };
  return dashboardModel(name, title, layerGrid(rows, rules));
}

/** Layer 1: traffic, latency, errors, queue, batches, memory. */
function infrastructurePanels(job: string, by: RulesOf): PanelSpec[] {
  return [
    {
      title: 'Requests per second by outcome',
      exprs: [{ expr: `sum by (job, outcome) (rate(${METRICS.requests}{${job}}[1m]))`, legend: '{{job}} {{outcome}}' }],
      unit: 'reqps',
      threshold: null,
    },
    {
      title: 'p99 latency',
      exprs: [{ expr: `histogram_quantile(0.99, sum by (job, le) (rate(${METRICS.requestDuration}_bucket{${job}}[1m])))`, legend: '{{job}}' }],
      unit: 's',
      threshold: thresholdOf(by(1, 'latency-p99')),
    },
    {
      title: 'Error and timeout ratio',
      exprs: [
        {
          expr: `sum by (job) (rate(${METRICS.requests}{${job},outcome=~"error|timeout|unavailable"}[1m])) / sum by (job) (rate(${METRICS.requests}{${job}}[1m]))`,
          legend: '{{job}}',
        },
      ],
      unit: 'percentunit',
      threshold: thresholdOf(by(1, 'error-ratio')),
    },
    { title: 'Queue depth', exprs: [{ expr: `${METRICS.queueDepth}{${job}}`, legend: '{{job}}' }], unit: 'short', threshold: null },
    {
      title: 'Batch size (mean)',
      exprs: [
        {
          expr: `sum by (job) (rate(${METRICS.batchSize}_sum{${job}}[1m])) / sum by (job) (rate(${METRICS.batchSize}_count{${job}}[1m]))`,
          legend: '{{job}}',
        },
      ],
      unit: 'short',
      threshold: null,
    },
    { title: 'Resident memory', exprs: [{ expr: `${METRICS.residentMemory}{${job}}`, legend: '{{job}}' }], unit: 'bytes', threshold: null },
  ];
}

/** Layer 2: each input feature against the training window. */
function dataQualityPanels(job: string, by: RulesOf): PanelSpec[] {
  return [
    {
      title: 'Feature PSI against the training window',
      exprs: [{ expr: `${METRICS.featurePsi}{${job}}`, legend: '{{job}} {{feature}}' }],
      unit: 'short',
      threshold: commonThreshold(by(2, 'feature-psi')),
    },
    {
      title: 'Null ratio',
      exprs: [{ expr: `${METRICS.featureNullRatio}{${job}}`, legend: '{{job}} {{feature}}' }],
      unit: 'percentunit',
      threshold: commonThreshold(by(2, 'feature-nulls')),
    },
    {
      title: 'Out-of-range ratio',
      exprs: [{ expr: `${METRICS.featureOutOfRangeRatio}{${job}}`, legend: '{{job}} {{feature}}' }],
      unit: 'percentunit',
      threshold: null,
    },
    {
      title: 'Unseen categories ratio',
      exprs: [{ expr: `${METRICS.featureUnseenRatio}{${job}}`, legend: '{{job}} {{feature}}' }],
      unit: 'percentunit',
      threshold: commonThreshold(by(2, 'feature-unseen')),
    },
    {
      title: 'Type errors per second',
      exprs: [{ expr: `rate(${METRICS.featureTypeErrors}{${job}}[1m])`, legend: '{{job}} {{feature}}' }],
      unit: 'short',
      threshold: null,
    },
  ];
}

/** Layer 3: the predictions' distribution. */
function predictionPanels(job: string, by: RulesOf): PanelSpec[] {
  return [
    {
      title: 'Prediction PSI against the training window',
      exprs: [{ expr: `${METRICS.predictionPsi}{${job}}`, legend: '{{job}}' }],
      unit: 'short',
      threshold: commonThreshold(by(3, 'prediction-psi')),
    },
    {
      title: 'Prediction mean and variance',
      exprs: [
        { expr: `${METRICS.predictionMean}{${job}}`, legend: '{{job}} mean' },
        { expr: `${METRICS.predictionVariance}{${job}}`, legend: '{{job}} variance' },
      ],
      unit: 'short',
      threshold: null,
    },
    {
      title: 'Predictions by bucket (per second)',
      exprs: [{ expr: `sum by (job, le) (rate(${METRICS.predictionValue}_bucket{${job}}[5m]))`, legend: '{{job}} le {{le}}' }],
      unit: 'short',
      threshold: null,
    },
    {
      title: 'Confidence p50',
      exprs: [{ expr: `histogram_quantile(0.5, sum by (job, le) (rate(${METRICS.confidence}_bucket{${job}}[5m])))`, legend: '{{job}}' }],
      unit: 'short',
      threshold: null,
    },
  ];
}

/** Layer 4: outcomes, once the labels arrive. */
function businessPanels(job: string, by: RulesOf): PanelSpec[] {
  return [
    {
      title: 'AUC once labels arrive',
      exprs: [{ expr: `${METRICS.auc}{${job}}`, legend: '{{job}}' }],
      unit: 'short',
      threshold: commonThreshold(by(4, 'label-auc')),
    },
    { title: 'Positive rate of the labels', exprs: [{ expr: `${METRICS.positiveRate}{${job}}`, legend: '{{job}}' }], unit: 'percentunit', threshold: null },
    {
      title: 'Precision, recall, false-positive rate',
      exprs: [
        { expr: `${METRICS.precision}{${job}}`, legend: '{{job}} precision' },
        { expr: `${METRICS.recall}{${job}}`, legend: '{{job}} recall' },
        { expr: `${METRICS.falsePositiveRate}{${job}}`, legend: '{{job}} FPR' },
      ],
      unit: 'percentunit',
      threshold: null,
    },
  ];
}

/** A row per layer, its panels three to a line beneath it. */
function layerGrid(rows: Record<MonitoringLayer, PanelSpec[]>, rules: readonly PlannedRule[]): Record<string, unknown>[] {
  const panels: Record<string, unknown>[] = [];
  let id = 1;
  let y = 0;
  for (const layer of [1, 2, 3, 4] as const) {
    panels.push({
      id: id++,
      type: 'row',
      title: `Layer ${layer}: ${LAYER_TITLES[layer]} (${rules.filter((r) => r.layer === layer).length} alert rules)`,
      collapsed: false,
      gridPos: { h: 1, w: 24, x: 0, y },
      panels: [],
    });
    y += 1;
    rows[layer].forEach((p, k) => {
      panels.push(timeseries(id++, p, { h: HEIGHT, w: WIDTH, x: (k % 3) * WIDTH, y: y + Math.floor(k / 3) * HEIGHT }));
    });
    y += Math.ceil(rows[layer].length / 3) * HEIGHT;
  }
  return panels;
}

/** Grafana's dashboard envelope: the datasource input asked for on import, and the panels. */
function dashboardModel(name: string, title: string, panels: Record<string, unknown>[]): Record<string, unknown> {
  return {
    __inputs: [
      {
        name: 'DS_PROMETHEUS',
        label: 'Prometheus',
        description: 'The Prometheus that scrapes the model servers',
        type: 'datasource',
        pluginId: 'prometheus',
        pluginName: 'Prometheus',
      },
    ],
    __requires: [
      { type: 'grafana', id: 'grafana', name: 'Grafana', version: '10.0.0' },
      { type: 'datasource', id: 'prometheus', name: 'Prometheus', version: '1.0.0' },
      { type: 'panel', id: 'timeseries', name: 'Time series', version: '' },
    ],
    id: null,
    uid: name.slice(0, 40),
    title,
    tags: ['rehearsal', 'model-monitoring'],
    timezone: 'utc',
    editable: true,
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
      ],
    },
    templating: { list: [] },
    panels,
  };
}

function timeseries(id: number, p: PanelSpec, gridPos: Record<string, number>): Record<string, unknown> {
  const steps: Record<string, unknown>[] = [{ color: 'green', value: null }];
  if (p.threshold !== null) {
    steps.push({ color: 'red', value: p.threshold });
  }
  return {
    id,
    type: 'timeseries',
    title: p.title,
    datasource: DATASOURCE,
    gridPos,
    fieldConfig: {
      defaults: { unit: p.unit, thresholds: { mode: 'absolute', steps }, custom: { thresholdsStyle: { mode: p.threshold === null ? 'off' : 'line' } } },
      overrides: [],
    },
    options: { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'none' } },
    targets: p.exprs.map((e, k) => ({ refId: String.fromCharCode(65 + k), datasource: DATASOURCE, expr: e.expr, legendFormat: e.legend })),
  };
}

function thresholdOf(rules: readonly PlannedRule[]): number | null {
  return rules[0]?.threshold ?? null;
}

/** The threshold when every rule of a panel shares it (the seed's 0.25 on every feature), else none. */
function commonThreshold(rules: readonly PlannedRule[]): number | null {
  const values = new Set(rules.map((r) => thresholdOf([r])));
  return values.size === 1 ? [...values][0]! : null;
}
