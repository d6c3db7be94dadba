/**
 * Builds the feature module of every committed model folder that has one (the demo's three, the
 * smoke model) from its scenario's plugin source, without training anything again.
 * Usage: npx tsx scripts/build-feature-modules.ts
 */
import { join } from 'node:path';
import { projectRoot } from '../src-main/engine/node/run/projectRoot';
import { bundleFeatureModule, installFeatureModule } from './featureModule';

/** Each model folder and the plugin module its features come from. */
export const FEATURE_MODULES: readonly { readonly folder: string; readonly entry: string }[] = [
  { folder: 'scenarios/demo/models/blue-v1', entry: 'scenarios/demo/features/flightsV1.ts' },
  { folder: 'scenarios/demo/models/green-v2', entry: 'scenarios/demo/features/flightsV2.ts' },
  { folder: 'scenarios/demo/models/green-v2-leak', entry: 'scenarios/demo/features/flightsV2.ts' },
  { folder: 'scenarios/smoke/model', entry: 'scenarios/smoke/features/smoke.ts' },
];

const root = projectRoot();
for (const { folder, entry } of FEATURE_MODULES) {
  const code = await bundleFeatureModule(join(root, entry));
  installFeatureModule(join(root, folder), code);
  process.stdout.write(`${folder}: ${code.length} bytes from ${entry}\n`);
}
