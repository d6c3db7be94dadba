/**
 * Builds the feature module of every committed model folder that has one (the demo's three, the
 * smoke model) from its scenario's plugin source, without training anything again.
 * Usage: npx tsx scripts/build-feature-modules.ts
 */
import { join } from 'node:path';
import { projectRoot } from '../src-main/engine/node/run/projectRoot';
import { bundleFeatureModule, installFeatureModule } from './featureModule';
import { FEATURE_MODULES } from './featureModules';

const root = projectRoot();
for (const { folder, entry } of FEATURE_MODULES) {
  const code = await bundleFeatureModule(join(root, entry));
  installFeatureModule(join(root, folder), code);
  process.stdout.write(`${folder}: ${code.length} bytes from ${entry}\n`);
}
