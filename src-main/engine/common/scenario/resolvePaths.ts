/**
 * Relative paths in a scenario resolve against the scenario file's folder. This is the one place
 * that knows which fields are paths; a section that adds a path field adds it here (both functions).
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

/** One path a scenario names: where in the file, what it names, and the path. */
export interface ScenarioPathField {
  readonly path: readonly (string | number)[];
  /** A model (folder or .onnx file), a snapshot (file or glob) or another file (a Deployment). */
  readonly kind: 'model' | 'snapshot' | 'file';
  readonly value: string;
}

/** Every path field of a scenario with its value, in the order the file is read. */
export function scenarioPathFields(scenario: Scenario): ScenarioPathField[] {
  const { models, snapshots, profiles } = scenario;
  const fields: ScenarioPathField[] = [{ path: ['models', 'blue', 'path'], kind: 'model', value: models.blue.path }];
  if (models.green) {
    fields.push({ path: ['models', 'green', 'path'], kind: 'model', value: models.green.path });
  }
  fields.push({ path: ['snapshots', 'production', 'path'], kind: 'snapshot', value: snapshots.production.path });
  for (const role of ['blue', 'green'] as const) {
    const reference = snapshots.reference?.[role];
    if (reference) {
      fields.push({ path: ['snapshots', 'reference', role, 'path'], kind: 'snapshot', value: reference.path });
    }
  }
  for (const name of ['staging', 'production'] as const) {
    const deployment = profiles?.[name].deployment;
    if (deployment !== undefined) {
      fields.push({ path: ['profiles', name, 'deployment'], kind: 'file', value: deployment });
    }
  }
  return fields;
}
