/**
 * The alert rules of four-layer monitoring (issue 9), written once as data: layer 1 on the
 * server's infrastructure metrics, layers 2-4 the replay's rules (`replay/windowRules.ts`) with
 * the same thresholds, as PromQL on the metric names of `metricNames.ts`. The exported
 * Prometheus rules and Grafana dashboard are drawn from this plan, and `monitoring-coverage`
 * counts its rules per layer.
 *
 * Each model is scraped as its own job, `<name>-<role>` (`smoke-blue`): one server serves one model,
 * so its metrics carry no model label, and the job tells blue from green.
 */
import type { MonitoringLayer } from '../../../contract/charts';
import type { ReplayModel } from '../../../contract/events';
import type { DriftAlertsSection } from '../scenario/sections/alerts';
import type { LiveAlertsSection } from '../scenario/sections/monitoringAlerts';
import { goDuration } from '../rollout/export/exportNames';
import { METRICS } from './metricNames';

/** The seed's p99 when neither `alerts.live.p99` nor the load SLA sets one. */
export const DEFAULT_P99_MS = 1000;

/** What the plan needs to know of one model. */
export interface PlannedModel {
  readonly role: 'blue' | 'green';
  readonly model: string;
  /** Each input feature, its PSI threshold and the reference's null rate (0 when unknown). */
  readonly features: readonly {
    readonly name: string;
    readonly kind: 'numeric' | 'categorical';
    readonly psiThreshold: number;
    readonly referenceNullRate: number;
  }[];
  /** The predictions' PSI threshold; null when they are not watched (no reference). */
  readonly predictionPsi: number | null;
  /** Layer 4: the reference's positive rate and AUC, when known (a rule needs them). */
  readonly reference: { readonly positiveRate: number | null; readonly auc: number | null };
  readonly positiveRate: number;
  readonly aucDrop: number;
}

/** One alert rule. */
export interface PlannedRule {
  readonly layer: MonitoringLayer;
  /** The Prometheus alert name (`FeaturePsi`). */
  readonly alert: string;
  /** The replay's rule id, or the layer 1 rule's (`error-ratio`, `latency-p99`, `server-down`). */
  readonly rule: string;
  readonly role: 'blue' | 'green';
  /** What it watches: a feature name, `prediction`, `label`, `server`. */
  readonly subject: string;
  readonly expr: string;
  /** The figure the expression compares with (`> 0.25`: 0.25), for the dashboard's threshold lines. */
  readonly threshold: number;
  readonly forMs: number;
  readonly summary: string;
}

/** Settings every rule shares. */
export interface PlanSettings {
  /** The scrape job prefix: a model's job is `<name>-<role>`. */
  readonly name: string;
  readonly drift: DriftAlertsSection;
  readonly live: LiveAlertsSection;
  /** The load SLA (p99, ms), when the scenario sets one. */
  readonly slaMs: number | null;
}

/** The rules of every model, layer by layer. */
export function monitoringPlan(models: readonly PlannedModel[], settings: PlanSettings): PlannedRule[] {
  return models.flatMap((m) => modelRules(m, settings)).sort((a, b) => a.layer - b.layer);
}

/** How many rules each layer has (every layer present, 0 when it has none). */
export function rulesPerLayer(rules: readonly PlannedRule[]): Record<MonitoringLayer, number> {
  const counts: Record<MonitoringLayer, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const r of rules) {
    counts[r.layer] += 1;
  }
  return counts;
}

/** The plan's view of the models a replay watched (`replay.started`): its thresholds, fixed or calibrated. */
export function plannedFromReplay(models: readonly ReplayModel[]): PlannedModel[] {
  return models.map((m) => ({
    role: m.role,
    model: m.model,
    features: m.reference === null ? [] : m.features.map((f) => ({ name: f.name, kind: f.kind, psiThreshold: f.psiThreshold, referenceNullRate: 0 })),
    predictionPsi: m.prediction?.psiThreshold ?? null,
    reference: { positiveRate: m.reference?.positiveRate ?? null, auc: m.reference?.auc ?? null },
    positiveRate: m.labels?.positiveRate ?? 0,
    aucDrop: m.labels?.aucDrop ?? 0,
  }));
}

/** The scrape job of one model. */
export function jobOf(name: string, role: 'blue' | 'green'): string {
  return `${name}-${role}`;
}

function modelRules(m: PlannedModel, settings: PlanSettings): PlannedRule[] {
  const { drift, live } = settings;
  const job = `job="${jobOf(settings.name, m.role)}"`;
  const w = goDuration(live.rateWindow);
  const forMs = live.for;
  const at = (
    layer: MonitoringLayer,
    alert: string,
    rule: string,
    subject: string,
    [expr, threshold]: readonly [string, number],
    summary: string,
  ): PlannedRule => ({ layer, alert, rule, role: m.role, subject, expr, threshold, forMs, summary });
  const p99 = (live.p99 ?? settings.slaMs ?? DEFAULT_P99_MS) / 1000;
  const rules: PlannedRule[] = [
    at(1, 'ModelServerDown', 'server-down', 'server', [`up{${job}} == 0`, 0], `${m.role} ${m.model}: the server does not answer its scrape`),
    at(
      1,
      'ModelServerErrorRatio',
      'error-ratio',
      'server',
      [
        `sum by (job) (rate(${METRICS.requests}{${job},outcome=~"error|timeout|unavailable"}[${w}])) / sum by (job) (rate(${METRICS.requests}{${job}}[${w}])) > ${num(live.errorRatio)}`,
        live.errorRatio,
      ],
      `${m.role} ${m.model}: more than ${percent(live.errorRatio)} of requests end in an error or timeout`,
    ),
    at(
      1,
      'ModelServerLatencyP99',
      'latency-p99',
      'server',
      [`histogram_quantile(0.99, sum by (job, le) (rate(${METRICS.requestDuration}_bucket{${job}}[${w}]))) > ${num(p99)}`, p99],
      `${m.role} ${m.model}: p99 latency above ${num(p99)} s`,
    ),
  ];
  for (const f of m.features) {
    const sel = `${job},feature="${f.name}"`;
    rules.push(
      at(
        2,
        'FeatureSchemaBreak',
        'schema-break',
        f.name,
        [`increase(${METRICS.featureTypeErrors}{${sel}}[${w}]) > 0`, 0],
        `${m.role} ${f.name}: requests carry a value of the wrong type, or none where one is required`,
      ),
      at(
        2,
        'FeatureNulls',
        'feature-nulls',
        f.name,
        [`${METRICS.featureNullRatio}{${sel}} > ${num(f.referenceNullRate + drift.nullRate)}`, f.referenceNullRate + drift.nullRate],
        `${m.role} ${f.name}: null rate above the reference's by more than ${percent(drift.nullRate)}`,
      ),
    );
    if (f.kind === 'categorical') {
      rules.push(
        at(
          2,
          'FeatureUnseen',
          'feature-unseen',
          f.name,
          [`${METRICS.featureUnseenRatio}{${sel}} > ${num(drift.unseenShare)}`, drift.unseenShare],
          `${m.role} ${f.name}: more than ${percent(drift.unseenShare)} of values in categories never seen in training`,
        ),
      );
    }
    rules.push(
      at(
        2,
        'FeaturePsi',
        'feature-psi',
        f.name,
        [`${METRICS.featurePsi}{${sel}} > ${num(f.psiThreshold)}`, f.psiThreshold],
        `${m.role} ${f.name}: PSI against the training window above ${num(f.psiThreshold)}`,
      ),
    );
  }
  if (m.predictionPsi !== null) {
    rules.push(
      at(
        3,
        'PredictionPsi',
        'prediction-psi',
        'prediction',
        [`${METRICS.predictionPsi}{${job}} > ${num(m.predictionPsi)}`, m.predictionPsi],
        `${m.role} ${m.model}: PSI of the predictions above ${num(m.predictionPsi)}`,
      ),
    );
  }
  // Layer 4 against the reference's figure when the export knows it; otherwise against the same
  // hour a week before (the replay's hour-of-week season), so every model has its layer 4 rules.
  const rate = METRICS.positiveRate;
  const positive: readonly [string, number] =
    m.reference.positiveRate === null
      ? [`abs(${rate}{${job}} - ${rate}{${job}} offset 1w) > ${num(m.positiveRate)}`, m.positiveRate]
      : [`abs(${rate}{${job}} - ${num(m.reference.positiveRate)}) > ${num(m.positiveRate)}`, m.positiveRate];
  rules.push(
    at(
      4,
      'LabelPositiveRate',
      'label-positive-rate',
      'label',
      positive,
      `${m.role}: positive rate off the reference's${m.reference.positiveRate === null ? ' (a week before)' : ` ${percent(m.reference.positiveRate)}`} by more than ${percent(m.positiveRate)}`,
    ),
  );
  const auc: readonly [string, number] =
    m.reference.auc === null
      ? [`${METRICS.auc}{${job}} offset 1w - ${METRICS.auc}{${job}} > ${num(m.aucDrop)}`, m.aucDrop]
      : [`${METRICS.auc}{${job}} < ${num(m.reference.auc - m.aucDrop)}`, m.reference.auc - m.aucDrop];
  rules.push(
    at(
      4,
      'LabelAuc',
      'label-auc',
      'label',
      auc,
      `${m.role} ${m.model}: AUC below the reference's${m.reference.auc === null ? ' (a week before)' : ` ${num(m.reference.auc)}`} by more than ${num(m.aucDrop)}`,
    ),
  );
  return rules;
}

/** Six significant figures: enough for a threshold, and the same text every time. */
function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function percent(x: number): string {
  return `${Number((x * 100).toPrecision(4))}%`;
}
