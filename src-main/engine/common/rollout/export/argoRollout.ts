/**
 * The rehearsed plan as an Argo Rollouts `Rollout`: a canary whose steps are the
 * scenario's (`setWeight`, `pause`, `analysis`), its traffic split by Istio through the exported
 * VirtualService, its analysis steps and background analysis reading the exported templates. The
 * pod template is the candidate's model server; blue is the stable revision already running.
 * A pause lasts in production what it lasted in the rehearsal's event time.
 */
import type { RolloutSection } from '../../scenario/sections/rollout';
import type { ExportedTemplate } from './analysisTemplates';
import { goDuration, metadata, type ExportNames, type ExportSettings } from './exportNames';

/** What the Rollout runs. */
export interface RolloutModelsInfo {
  readonly blue: string;
  readonly green: string;
}

/** The Rollout object. */
export function argoRollout(
  plan: RolloutSection,
  settings: ExportSettings,
  names: ExportNames,
  templates: readonly ExportedTemplate[],
  models: RolloutModelsInfo,
): Record<string, unknown> {
  const args = [
    { name: 'stable-service', value: names.stableService },
    { name: 'canary-service', value: names.canaryService },
  ];
  const has = (name: string): boolean => templates.some((t) => t.name === name);
  const steps = plan.steps.map((step, i) => {
    if ('setWeight' in step) {
      return { setWeight: step.setWeight };
    }
    if ('pause' in step) {
      return { pause: step.pause.duration === undefined ? {} : { duration: goDuration(step.pause.duration) } };
    }
    const name = `${names.rollout}-step-${i + 1}`;
    // An analysis of gates Prometheus cannot measure keeps its time as a pause.
    return has(name)
      ? { analysis: { templates: [{ templateName: name }], args } }
      : { pause: { duration: goDuration(step.analysis.duration ?? plan.stepDuration) } };
  });
  const background = `${names.rollout}-background`;
  const labels = { app: settings.name };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: metadata(settings, names.rollout, { 'rehearsal/stable-model': models.blue, 'rehearsal/candidate-model': models.green }),
    spec: {
      replicas: 2,
      revisionHistoryLimit: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'model-server',
              image: settings.image,
              args: [
                '--model',
                `/models/${models.green}`,
                '--port',
                String(settings.port),
                '--max-batch',
                String(plan.servers.maxBatch),
                '--timeout-ms',
                String(plan.servers.timeout),
              ],
              ports: [{ name: 'http', containerPort: settings.port }],
              readinessProbe: { httpGet: { path: '/v2/health/ready', port: settings.port } },
              livenessProbe: { httpGet: { path: '/v2/health/live', port: settings.port } },
            },
          ],
        },
      },
      strategy: {
        canary: {
          stableService: names.stableService,
          canaryService: names.canaryService,
          // After an abort, the canary's pods are kept this long (the rehearsal's abortDelay), then scaled down.
          abortScaleDownDelaySeconds: Math.ceil(plan.abortDelay / 1000),
          trafficRouting: { istio: { virtualService: { name: names.virtualService, routes: [names.primaryRoute] } } },
          ...(has(background) ? { analysis: { templates: [{ templateName: background }], args, startingStep: 1 } } : {}),
          steps,
        },
      },
    },
  };
}
