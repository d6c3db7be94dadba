/**
 * The router as an Istio `VirtualService`, after the seed's: the header route first
 * (`x-model-version: v2` goes to green whatever the weights), then the weighted route Argo
 * Rollouts moves, starting at blue 100%; in shadow mode green gets a mirror of every request.
 */
import type { RolloutSection } from '../../scenario/sections/rollout';
import { metadata, type ExportNames, type ExportSettings } from './exportNames';

/** The VirtualService object. */
export function virtualService(plan: RolloutSection, settings: ExportSettings, names: ExportNames): Record<string, unknown> {
  const destination = (host: string) => ({ host, port: { number: settings.port } });
  return {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'VirtualService',
    metadata: metadata(settings, names.virtualService),
    spec: {
      hosts: [settings.name],
      http: [
        {
          name: names.headerRoute,
          match: [{ headers: { [plan.header.name]: { exact: plan.header.greenValue } } }],
          route: [{ destination: destination(names.canaryService) }],
        },
        {
          name: names.primaryRoute,
          route: [
            { destination: destination(names.stableService), weight: 100 },
            { destination: destination(names.canaryService), weight: 0 },
          ],
          ...(plan.shadow ? { mirror: destination(names.canaryService), mirrorPercentage: { value: 100 } } : {}),
        },
      ],
    },
  };
}
