/**
 * Each committed model folder that carries a feature module, and the plugin source it is bundled
 * from. A list apart from the build script, so a test can read it without rebuilding the folders
 * other tests are reading.
 */
/** Each model folder and the plugin module its features come from. */
export const FEATURE_MODULES: readonly { readonly folder: string; readonly entry: string }[] = [
  { folder: 'scenarios/demo/models/blue-v1', entry: 'scenarios/demo/features/flightsV1.ts' },
  { folder: 'scenarios/demo/models/green-v2', entry: 'scenarios/demo/features/flightsV2.ts' },
  { folder: 'scenarios/demo/models/green-v2-leak', entry: 'scenarios/demo/features/flightsV2.ts' },
  { folder: 'scenarios/smoke/model', entry: 'scenarios/smoke/features/smoke.ts' },
];
