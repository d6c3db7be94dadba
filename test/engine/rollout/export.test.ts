/**
 * The exported rollout validated against the real resource schemas of Argo Rollouts,
 * Istio and Kubernetes (the @kubernetes-models packages, generated from their CRDs and OpenAPI),
 * and read back from the YAML text that is written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisTemplate, Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../src-main/engine/common/monitoring/metricNames';
import { goDuration, kubernetesName } from '../../../src-main/engine/common/rollout/export/exportNames';
import { rolloutExport, type ExportedFile } from '../../../src-main/engine/common/rollout/export/rolloutExport';
import { parseScenarioText } from '../../../src-main/engine/common/scenario/parse';
import { rolloutSection, type RolloutSection } from '../../../src-main/engine/common/scenario/sections/rollout';
import { ROOT } from '../../support/paths';

const SETTINGS = { name: 'flights', namespace: 'models', image: 'rehearsal-model-server:1', prometheus: 'http://prometheus:9090', port: 8080 };
const MODELS = { blue: 'blue-v1', green: 'green-v2' };

function planOf(scenario: string): RolloutSection {
  const parsed = parseScenarioText(readFileSync(join(ROOT, 'scenarios', scenario), 'utf8'), scenario);
  if (!parsed.ok || parsed.scenario.rollout === undefined) {
    throw new Error(`${scenario} has no valid rollout`);
  }
  return parsed.scenario.rollout;
}

/** Every object of a file, read back from its text. */
function objectsOf(file: ExportedFile): Record<string, unknown>[] {
  return parseAllDocuments(file.text).map((d) => d.toJS() as Record<string, unknown>);
}

function byFile(files: readonly ExportedFile[]): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(files.map((f) => [f.file, objectsOf(f)]));
}

describe('export-rollout', () => {
  it.each(['rollout-green-better.yaml', 'rollout-green-worse.yaml', 'rollout-green-slow.yaml', 'rollout-blue-incompatible.yaml'])(
    'writes objects the real schemas accept for %s',
    (scenario) => {
      const files = rolloutExport(planOf(scenario), SETTINGS, MODELS, scenario);
      expect(files.map((f) => f.file)).toEqual(['rollout.yaml', 'analysis-templates.yaml', 'virtual-service.yaml', 'hpa.yaml']);
      const objects = byFile(files);
      for (const file of files) {
        // What is written is what was built: the text reads back to the same objects.
        expect(objectsOf(file)).toEqual(JSON.parse(JSON.stringify(file.objects)));
      }
      expect(() => new Rollout(objects['rollout.yaml']![0] as never).validate()).not.toThrow();
      for (const template of objects['analysis-templates.yaml']!) {
        expect(() => new AnalysisTemplate(template as never).validate()).not.toThrow();
      }
      expect(() => new VirtualService(objects['virtual-service.yaml']![0] as never).validate()).not.toThrow();
      expect(() => new HorizontalPodAutoscaler(objects['hpa.yaml']![0] as never).validate()).not.toThrow();
    },
  );

  it('the validators do refuse a broken object (so the test above can fail)', () => {
    const files = byFile(rolloutExport(planOf('rollout-green-better.yaml'), SETTINGS, MODELS, 'x'));
    const rollout = structuredClone(files['rollout.yaml']![0]!) as { spec: { strategy: { canary: { steps: unknown[] } } } };
    rollout.spec.strategy.canary.steps[0] = { setWeight: 'ten' };
    expect(() => new Rollout(rollout as never).validate()).toThrow(/setWeight/);
    const hpa = structuredClone(files['hpa.yaml']![0]!) as { spec: { maxReplicas?: number } };
    delete hpa.spec.maxReplicas;
    expect(() => new HorizontalPodAutoscaler(hpa as never).validate()).toThrow(/maxReplicas/);
  });

  it('walks the rehearsed steps, with each analysis reading its own template and the background gates throughout', () => {
    const plan = planOf('rollout-green-better.yaml');
    const objects = byFile(rolloutExport(plan, SETTINGS, MODELS, 'x'));
    const canary = (objects['rollout.yaml']![0] as { spec: { strategy: { canary: Record<string, unknown> } } }).spec.strategy.canary;
    expect(canary['steps']).toEqual([
      { setWeight: 10 },
      {
        analysis: {
          templates: [{ templateName: 'flights-step-2' }],
          args: [
            { name: 'stable-service', value: 'flights-stable' },
            { name: 'canary-service', value: 'flights-canary' },
          ],
        },
      },
      { setWeight: 25 },
      expect.objectContaining({ analysis: expect.objectContaining({ templates: [{ templateName: 'flights-step-4' }] }) }),
      { setWeight: 50 },
      expect.objectContaining({ analysis: expect.objectContaining({ templates: [{ templateName: 'flights-step-6' }] }) }),
      { setWeight: 100 },
      { pause: { duration: '24h' } },
    ]);
    expect(canary).toMatchObject({
      stableService: 'flights-stable',
      canaryService: 'flights-canary',
      abortScaleDownDelaySeconds: 2,
      trafficRouting: { istio: { virtualService: { name: 'flights', routes: ['primary'] } } },
    });
    expect(canary['analysis']).toMatchObject({ templates: [{ templateName: 'flights-background' }], startingStep: 1 });
  });

  it("turns each gate into a Prometheus query on the server's metric names with the rehearsed threshold", () => {
    const plan = planOf('rollout-green-worse.yaml');
    const templates = byFile(rolloutExport(plan, SETTINGS, MODELS, 'x'))['analysis-templates.yaml']! as {
      metadata: { name: string; annotations?: Record<string, string> };
      spec: {
        metrics: { name: string; successCondition: string; count?: number; interval: string; provider: { prometheus: { query: string; address: string } } }[];
      };
    }[];
    const step4 = templates.find((t) => t.metadata.name === 'flights-step-4')!;
    const metric = (name: string) => step4.spec.metrics.find((m) => m.name === name)!;
    expect(metric('errorRate')).toMatchObject({ successCondition: 'result[0] <= 0.01', interval: '1h', count: 24 });
    expect(metric('errorRate').provider.prometheus.query).toContain(METRICS.requests);
    expect(metric('p99LatencyMs')).toMatchObject({ successCondition: 'result[0] <= 0.5' });
    expect(metric('p99LatencyMs').provider.prometheus.query).toBe(
      `histogram_quantile(0.99, sum by (le) (rate(${METRICS.requestDuration}_bucket{service="{{args.canary-service}}"}[5m])))`,
    );
    expect(metric('businessOutcome')).toMatchObject({ successCondition: 'result[0] <= 0.02' });
    expect(metric('businessOutcome').provider.prometheus.query).toBe(
      `max(${METRICS.auc}{service="{{args.stable-service}}"}) - max(${METRICS.auc}{service="{{args.canary-service}}"})`,
    );
    expect(metric('inputDrift').provider.prometheus).toMatchObject({
      address: 'http://prometheus:9090',
      query: `max(${METRICS.featurePsi}{service="{{args.canary-service}}"})`,
    });
    // Disagreement needs both answers to one request; it is not exported, and the template says so.
    expect(step4.spec.metrics.map((m) => m.name)).not.toContain('disagreement');
    expect(step4.metadata.annotations?.['rehearsal/not-exported']).toMatch(/^disagreement: /);
    const background = templates.find((t) => t.metadata.name === 'flights-background')!;
    expect(background.spec.metrics.map((m) => [m.name, m.interval, m.count])).toEqual([
      ['errorRate', '1m', undefined],
      ['p99LatencyMs', '1m', undefined],
    ]);
  });

  it("routes the seed's header to green and starts the weights at blue 100%; mirrors in shadow mode", () => {
    const plain = byFile(rolloutExport(planOf('rollout-green-better.yaml'), SETTINGS, MODELS, 'x'))['virtual-service.yaml']![0] as {
      spec: { http: Record<string, unknown>[] };
    };
    expect(plain.spec.http).toEqual([
      {
        name: 'header-override',
        match: [{ headers: { 'x-model-version': { exact: 'v2' } } }],
        route: [{ destination: { host: 'flights-canary', port: { number: 8080 } } }],
      },
      {
        name: 'primary',
        route: [
          { destination: { host: 'flights-stable', port: { number: 8080 } }, weight: 100 },
          { destination: { host: 'flights-canary', port: { number: 8080 } }, weight: 0 },
        ],
      },
    ]);
    const shadow = rolloutSection.parse({ shadow: true, header: { name: 'x-candidate', greenValue: 'yes' }, steps: [{ setWeight: 10 }] });
    const mirrored = byFile(rolloutExport(shadow, SETTINGS, MODELS, 'x'))['virtual-service.yaml']![0] as { spec: { http: Record<string, unknown>[] } };
    expect(mirrored.spec.http[0]).toMatchObject({ match: [{ headers: { 'x-candidate': { exact: 'yes' } } }] });
    expect(mirrored.spec.http[1]).toMatchObject({ mirror: { host: 'flights-canary' }, mirrorPercentage: { value: 100 } });
  });

  it('scales on p99 latency at 80% of the SLA, not on CPU', () => {
    const hpa = byFile(rolloutExport(planOf('rollout-green-slow.yaml'), SETTINGS, MODELS, 'x'))['hpa.yaml']![0] as {
      spec: { scaleTargetRef: unknown; metrics: { type: string; pods: { metric: { name: string }; target: unknown } }[] };
    };
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'flights' });
    expect(hpa.spec.metrics).toEqual([
      { type: 'Pods', pods: { metric: { name: `${METRICS.requestDuration}_p99` }, target: { type: 'AverageValue', averageValue: '400m' } } },
    ]);
    expect(JSON.stringify(hpa)).not.toMatch(/cpu/i);
  });

  it('keeps an analysis of gates Prometheus cannot measure as a pause of the same time', () => {
    const plan = rolloutSection.parse({ stepDuration: '6h', steps: [{ setWeight: 20 }, { analysis: { gates: ['disagreement'] } }], background: [] });
    const objects = byFile(rolloutExport(plan, SETTINGS, MODELS, 'x'));
    expect((objects['rollout.yaml']![0] as { spec: { strategy: { canary: { steps: unknown[] } } } }).spec.strategy.canary.steps).toEqual([
      { setWeight: 20 },
      { pause: { duration: '6h' } },
    ]);
    expect(objects['analysis-templates.yaml']).toEqual([]);
  });

  it('names things as Kubernetes wants them', () => {
    expect(kubernetesName('Rollout: green BETTER (March)')).toBe('rollout-green-better-march');
    expect(kubernetesName('***')).toBe('model');
    expect([goDuration(86_400_000), goDuration(5_400_000), goDuration(90_000), goDuration(1500)]).toEqual(['24h', '90m', '90s', '1500ms']);
  });
});
