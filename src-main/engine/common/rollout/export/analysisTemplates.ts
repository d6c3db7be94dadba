/**
 * The plan's gates as Argo Rollouts AnalysisTemplates: one template per analysis step
 * (its gates, measured over its duration) and one for the background gates, each gate a
 * Prometheus query on the model server's metric names (`monitoring/metricNames.ts`), with the
 * rehearsed threshold as its success condition. Services are passed as arguments, so one
 * template reads the canary and the stable side.
 *
 * Disagreement beyond blue's own noise floor needs blue's and green's answers to the same
 * request (Diffy's proxy), which Prometheus does not have: it is not exported, and the template
 * says so in an annotation.
 */
import { METRICS } from '../../monitoring/metricNames';
import { analysisGates, backgroundGates, type GateName, type RolloutSection } from '../../scenario/sections/rollout';
import { goDuration, metadata, type ExportNames, type ExportSettings } from './exportNames';

/** Prometheus measures over this window. */
const WINDOW = '5m';
/** The longest gap between two measurements of a long analysis. */
const MAX_INTERVAL_MS = 3_600_000;
/** The p99 SLA when the plan sets none (the seed's 100 ms). */
export const SEED_SLA_MS = 100;

/** A template to reference from the Rollout, and the object itself. */
export interface ExportedTemplate {
  readonly name: string;
  readonly template: Record<string, unknown>;
}

const canary = 'service="{{args.canary-service}}"';
const stable = 'service="{{args.stable-service}}"';

/** One gate as a query and a success condition; null for a gate Prometheus cannot measure. */
export function gateQuery(gate: GateName, plan: RolloutSection): { query: string; successCondition: string } | null {
  const g = plan.gates;
  switch (gate) {
    case 'errorRate':
      return {
        query: `sum(rate(${METRICS.requests}{${canary},outcome=~"error|timeout"}[${WINDOW}])) / sum(rate(${METRICS.requests}{${canary}}[${WINDOW}]))`,
        successCondition: `result[0] <= ${g.errorRate.max}`,
      };
    case 'p99LatencyMs':
      return {
        query: `histogram_quantile(0.99, sum by (le) (rate(${METRICS.requestDuration}_bucket{${canary}}[${WINDOW}])))`,
        successCondition: `result[0] <= ${(g.p99LatencyMs?.max ?? SEED_SLA_MS) / 1000}`,
      };
    case 'predictionPsi':
      // The server's PSI of its predictions against its reference window: the closest production
      // signal to green-against-blue on the same rows, which only a shadow comparison gives.
      return { query: `max(${METRICS.predictionPsi}{${canary}})`, successCondition: `result[0] <= ${g.predictionPsi.max}` };
    case 'inputDrift':
      return { query: `max(${METRICS.featurePsi}{${canary}})`, successCondition: `result[0] <= ${g.inputDrift.maxPsi}` };
    case 'businessOutcome':
      return { query: `max(${METRICS.auc}{${stable}}) - max(${METRICS.auc}{${canary}})`, successCondition: `result[0] <= ${g.businessOutcome.maxAucDrop}` };
    case 'disagreement':
      return null;
  }
}

/** The templates of the plan: one per analysis step, and the background one, each when it has a gate Prometheus can measure. */
export function analysisTemplates(plan: RolloutSection, settings: ExportSettings, names: ExportNames): ExportedTemplate[] {
  const out: ExportedTemplate[] = [];
  plan.steps.forEach((step, i) => {
    if ('analysis' in step) {
      const duration = step.analysis.duration ?? plan.stepDuration;
      out.push(
        ...template(
          `${names.rollout}-step-${i + 1}`,
          analysisGates(plan, step.analysis),
          plan,
          settings,
          duration,
          step.analysis.failureLimit,
          step.analysis.inconclusiveLimit,
        ),
      );
    }
  });
  const background = backgroundGates(plan);
  if (background.length > 0) {
    out.push(...template(`${names.rollout}-background`, background, plan, settings, null, 0, 0));
  }
  return out;
}

function template(
  name: string,
  gates: readonly GateName[],
  plan: RolloutSection,
  settings: ExportSettings,
  durationMs: number | null,
  failureLimit: number,
  inconclusiveLimit: number,
): ExportedTemplate[] {
  // A timed analysis measures every hour (or once, if shorter) over its duration; the background
  // one every minute for as long as the rollout runs.
  const interval = durationMs === null ? 60_000 : Math.min(durationMs, MAX_INTERVAL_MS);
  const count = durationMs === null ? null : Math.max(1, Math.ceil(durationMs / interval));
  const skipped = gates.filter((g) => gateQuery(g, plan) === null);
  const metrics = gates.flatMap((gate) => {
    const q = gateQuery(gate, plan);
    return q === null
      ? []
      : [
          {
            name: gate,
            interval: goDuration(interval),
            ...(count === null ? {} : { count }),
            successCondition: q.successCondition,
            failureLimit,
            inconclusiveLimit,
            provider: { prometheus: { address: settings.prometheus, query: q.query } },
          },
        ];
  });
  const annotations: Record<string, string> =
    skipped.length === 0
      ? {}
      : {
          'rehearsal/not-exported': `${skipped.join(', ')}: needs blue's and green's answers to the same request (a Diffy proxy), which Prometheus does not have; rehearsed only`,
        };
  if (metrics.length === 0) {
    return [];
  }
  return [
    {
      name,
      template: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AnalysisTemplate',
        metadata: metadata(settings, name, annotations),
        spec: { args: [{ name: 'stable-service' }, { name: 'canary-service' }], metrics },
      },
    },
  ];
}
