/**
 * Relative paths in a scenario resolve against the scenario file's folder. This is the one place
 * that knows which fields are paths; a section that adds a path field adds it here.
 */
import type { Scenario } from './schema';

/** The scenario with every path field passed through `resolve`. */
export function resolveScenarioPaths(scenario: Scenario, resolve: (path: string) => string): Scenario {
  const { models, snapshots, profiles } = scenario;
  return {
    ...scenario,
    ...(profiles
      ? {
          profiles: {
            ...profiles,
            staging: { ...profiles.staging, ...(profiles.staging.deployment ? { deployment: resolve(profiles.staging.deployment) } : {}) },
            production: { ...profiles.production, ...(profiles.production.deployment ? { deployment: resolve(profiles.production.deployment) } : {}) },
          },
        }
      : {}),
    models: {
      blue: { ...models.blue, path: resolve(models.blue.path) },
      ...(models.green ? { green: { ...models.green, path: resolve(models.green.path) } } : {}),
    },
    snapshots: {
      production: { ...snapshots.production, path: resolve(snapshots.production.path) },
      ...(snapshots.reference
        ? {
            reference: {
              ...(snapshots.reference.blue ? { blue: { ...snapshots.reference.blue, path: resolve(snapshots.reference.blue.path) } } : {}),
              ...(snapshots.reference.green ? { green: { ...snapshots.reference.green, path: resolve(snapshots.reference.green.path) } } : {}),
            },
          }
        : {}),
    },
  };
}
