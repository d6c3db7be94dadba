/**
 * A HorizontalPodAutoscaler that scales the Rollout on the model server's p99 latency, not CPU
 * (the seed: "CPU usage is a terrible proxy for ML model load"): a Pods metric served by the
 * Prometheus adapter from the server's latency histogram, targeted at 80% of the p99 SLA so
 * replicas are added before the SLA is crossed. The adapter rule that serves it is written in the
 * object's annotations.
 */
import { METRICS } from '../../monitoring/metricNames';
import type { RolloutSection } from '../../scenario/sections/rollout';
import { SEED_SLA_MS } from './analysisTemplates';
import { metadata, type ExportNames, type ExportSettings } from './exportNames';

/** The metric the adapter serves: p99 request latency per pod, in seconds. */
export const P99_METRIC = `${METRICS.requestDuration}_p99`;

/** The HPA object. */
export function latencyAutoscaler(plan: RolloutSection, settings: ExportSettings, names: ExportNames): Record<string, unknown> {
  const slaMs = plan.gates.p99LatencyMs?.max ?? SEED_SLA_MS;
  const targetMs = Math.max(1, Math.round(slaMs * 0.8));
  const rule = `histogram_quantile(0.99, sum by (le, <<.GroupBy>>) (rate(${METRICS.requestDuration}_bucket{<<.LabelMatchers>>}[2m])))`;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadata(settings, names.rollout, {
      'rehearsal/prometheus-adapter-metric': P99_METRIC,
      'rehearsal/prometheus-adapter-query': rule,
      'rehearsal/p99-sla-ms': String(slaMs),
    }),
    spec: {
      scaleTargetRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: names.rollout },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Pods', pods: { metric: { name: P99_METRIC }, target: { type: 'AverageValue', averageValue: `${targetMs}m` } } }],
    },
  };
}
