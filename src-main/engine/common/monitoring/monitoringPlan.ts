/**
 * The alert rules of four-layer monitoring, written once as data: layer 1 on the
 * server's infrastructure metrics, layers 2-4 the replay's rules (`replay/windowRules.ts`) with
 * the same thresholds, as PromQL on the metric names of `metricNames.ts`. The exported
 * Prometheus rules and Grafana dashboard are drawn from this plan, and `monitoring-coverage`
 * counts its rules per layer.
 *
 * Each model is scraped as its own job, `<name>-<role>` (`smoke-blue`): one server serves one model,
 * so its metrics carry no model label, and the job tells blue from green.
 */
import type { MonitoringLayer } from '../../../contract/charts';
import type { ReplayModel, ReplayStarted, WatchedSeries } from '../../../contract/events';
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
    /** How the rehearsal judged this series when it was not one threshold: its sequential rule, said in the rule's summary. */
    readonly rule?: string;
  }[];
  /** The predictions' PSI threshold; null when they are not watched (no reference). */
  readonly predictionPsi: number | null;
  /** The predictions' sequential rule in the rehearsal, when it had one. */
  readonly predictionRule?: string;
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

/**
 * The models with the thresholds a run calibrated (its `replay.started`): each watched series'
 * calibrated PSI threshold, or for a series under the sequential rule the PSI one window of the
 * reference's typical size passes alone, with the rule said in the summary (Prometheus evaluates
 * one window; the CUSUM that adds smaller shifts up lives in the rehearsal). Series the run did not
 * watch keep what they had.
 */
export function withRunThresholds(models: readonly PlannedModel[], started: ReplayStarted): PlannedModel[] {
  return models.map((m) => {
    const run = started.models.find((r) => r.role === m.role);
    if (run === undefined) {
      return m;
    }
    const features = m.features.map((f) => {
      const watched = run.features.find((w) => w.name === f.name);
      return watched === undefined ? f : { ...f, ...thresholdOf(watched) };
    });
    const prediction = run.prediction === null ? null : thresholdOf(run.prediction);
    return {
      ...m,
      features,
      ...(prediction === null ? {} : { predictionPsi: prediction.psiThreshold, ...(prediction.rule === undefined ? {} : { predictionRule: prediction.rule }) }),
      ...(run.labels === null ? {} : { positiveRate: run.labels.positiveRate, aucDrop: run.labels.aucDrop }),
    };
  });
}

function thresholdOf(watched: WatchedSeries): { psiThreshold: number; rule?: string } {
  const q = watched.sequential;
  if (q === undefined || q.psi === null) {
    return { psiThreshold: watched.psiThreshold };
  }
  return {
    psiThreshold: q.psi,
    rule: `the rehearsal judged it by a CUSUM over its size-scaled PSI (reference mean ${num(q.mean)}, sd ${num(q.sd)}; allowance ${num(q.allowance)} sd, decision ${num(q.decision)} sd; about one false alarm per ${q.ert} windows); this threshold is what one window of the reference's typical size passes alone`,
  };
}

/** The scrape job of one model. */
export function jobOf(name: string, role: 'blue' | 'green'): string {
  return `${name}-${role}`;
}

/** What every rule of one model shares: its job selector, rate window and `for`. */
interface ModelContext {
  readonly m: PlannedModel;
  readonly settings: PlanSettings;
  /** The PromQL label matcher of the model's scrape job (`job="smoke-blue"`). */
  readonly job: string;
  /** The rate() range of the layer 1 rules, in Go's duration form. */
  readonly window: string;
}

/** A rule's varying parts; the role and `for` come from the model's context. */
type RuleParts = Omit<PlannedRule, 'role' | 'forMs'>;

function modelRules(m: PlannedModel, settings: PlanSettings): PlannedRule[] {
  const context: ModelContext = { m, settings, job: `job="${jobOf(settings.name, m.role)}"`, window: goDuration(settings.live.rateWindow) };
  const parts = [
    ...infrastructureRules(context),
    ...m.features.flatMap((f) => featureRules(context, f)),
    ...predictionRules(context),
    ...outcomeRules(context),
  ];
  return parts.map(({ layer, alert, rule, subject, expr, threshold, summary }) => ({
    layer,
    alert,
    rule,
    role: m.role,
    subject,
    expr,
    threshold,
    forMs: settings.live.for,
    summary,
  }));
}

/** Layer 1: the server answers its scrape, few errors, p99 within the SLA. */
function infrastructureRules({ m, settings, job, window: w }: ModelContext): RuleParts[] {
  const { live } = settings;
  const p99 = (live.p99 ?? settings.slaMs ?? DEFAULT_P99_MS) / 1000;
  const failed = `sum by (job) (rate(${METRICS.requests}{${job},outcome=~"error|timeout|unavailable"}[${w}]))`;
  const all = `sum by (job) (rate(${METRICS.requests}{${job}}[${w}]))`;
  return [
    {
      layer: 1,
      alert: 'ModelServerDown',
      rule: 'server-down',
      subject: 'server',
      expr: `up{${job}} == 0`,
      threshold: 0,
      summary: `${m.role} ${m.model}: the server does not answer its scrape`,
    },
    {
      layer: 1,
      alert: 'ModelServerErrorRatio',
      rule: 'error-ratio',
      subject: 'server',
      expr: `${failed} / ${all} > ${num(live.errorRatio)}`,
      threshold: live.errorRatio,
      summary: `${m.role} ${m.model}: more than ${percent(live.errorRatio)} of requests end in an error or timeout`,
    },
    {
      layer: 1,
      alert: 'ModelServerLatencyP99',
      rule: 'latency-p99',
      subject: 'server',
      expr: `histogram_quantile(0.99, sum by (job, le) (rate(${METRICS.requestDuration}_bucket{${job}}[${w}]))) > ${num(p99)}`,
      threshold: p99,
      summary: `${m.role} ${m.model}: p99 latency above ${num(p99)} s`,
    },
  ];
}

/** Layer 2 for one input feature: schema breaks, nulls, unseen categories, PSI. */
function featureRules({ m, settings, job, window: w }: ModelContext, f: PlannedModel['features'][number]): RuleParts[] {
  const { drift } = settings;
  const sel = `${job},feature="${f.name}"`;
  const nullThreshold = f.referenceNullRate + drift.nullRate;
  const rules: RuleParts[] = [
    {
      layer: 2,
      alert: 'FeatureSchemaBreak',
      rule: 'schema-break',
      subject: f.name,
      expr: `increase(${METRICS.featureTypeErrors}{${sel}}[${w}]) > 0`,
      threshold: 0,
      summary: `${m.role} ${f.name}: requests carry a value of the wrong type, or none where one is required`,
    },
    {
      layer: 2,
      alert: 'FeatureNulls',
      rule: 'feature-nulls',
      subject: f.name,
      expr: `${METRICS.featureNullRatio}{${sel}} > ${num(nullThreshold)}`,
      threshold: nullThreshold,
      summary: `${m.role} ${f.name}: null rate above the reference's by more than ${percent(drift.nullRate)}`,
    },
  ];
  if (f.kind === 'categorical') {
    rules.push({
      layer: 2,
      alert: 'FeatureUnseen',
      rule: 'feature-unseen',
      subject: f.name,
      expr: `${METRICS.featureUnseenRatio}{${sel}} > ${num(drift.unseenShare)}`,
      threshold: drift.unseenShare,
      summary: `${m.role} ${f.name}: more than ${percent(drift.unseenShare)} of values in categories never seen in training`,
    });
  }
  rules.push({
    layer: 2,
    alert: 'FeaturePsi',
    rule: 'feature-psi',
    subject: f.name,
    expr: `${METRICS.featurePsi}{${sel}} > ${num(f.psiThreshold)}`,
    threshold: f.psiThreshold,
    summary: `${m.role} ${f.name}: PSI against the training window above ${num(f.psiThreshold)}${f.rule === undefined ? '' : `; ${f.rule}`}`,
  });
  return rules;
}

/** Layer 3: the predictions' PSI, when they are watched. */
function predictionRules({ m, job }: ModelContext): RuleParts[] {
  if (m.predictionPsi === null) {
    return [];
  }
  return [
    {
      layer: 3,
      alert: 'PredictionPsi',
      rule: 'prediction-psi',
      subject: 'prediction',
      expr: `${METRICS.predictionPsi}{${job}} > ${num(m.predictionPsi)}`,
      threshold: m.predictionPsi,
      summary: `${m.role} ${m.model}: PSI of the predictions above ${num(m.predictionPsi)}${m.predictionRule === undefined ? '' : `; ${m.predictionRule}`}`,
    },
  ];
}

/**
 * Layer 4 against the reference's figure when the export knows it; otherwise against the same
 * hour a week before (the replay's hour-of-week season), so every model has its layer 4 rules.
 */
function outcomeRules({ m, job }: ModelContext): RuleParts[] {
  const rate = METRICS.positiveRate;
  const { positiveRate: referenceRate, auc: referenceAuc } = m.reference;
  const auc =
    referenceAuc === null
      ? { expr: `${METRICS.auc}{${job}} offset 1w - ${METRICS.auc}{${job}} > ${num(m.aucDrop)}`, threshold: m.aucDrop }
      : { expr: `${METRICS.auc}{${job}} < ${num(referenceAuc - m.aucDrop)}`, threshold: referenceAuc - m.aucDrop };
  return [
    {
      layer: 4,
      alert: 'LabelPositiveRate',
      rule: 'label-positive-rate',
      subject: 'label',
      expr:
        referenceRate === null
          ? `abs(${rate}{${job}} - ${rate}{${job}} offset 1w) > ${num(m.positiveRate)}`
          : `abs(${rate}{${job}} - ${num(referenceRate)}) > ${num(m.positiveRate)}`,
      threshold: m.positiveRate,
      summary: `${m.role}: positive rate off the reference's${referenceRate === null ? ' (a week before)' : ` ${percent(referenceRate)}`} by more than ${percent(m.positiveRate)}`,
    },
    {
      layer: 4,
      alert: 'LabelAuc',
      rule: 'label-auc',
      subject: 'label',
      ...auc,
      summary: `${m.role} ${m.model}: AUC below the reference's${referenceAuc === null ? ' (a week before)' : ` ${num(referenceAuc)}`} by more than ${num(m.aucDrop)}`,
    },
  ];
}

/** Six significant figures: enough for a threshold, and the same text every time. */
function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function percent(x: number): string {
  return `${Number((x * 100).toPrecision(4))}%`;
}
