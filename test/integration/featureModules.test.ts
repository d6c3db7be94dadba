/**
 * Feature pipelines enter the product as a model folder's own ES module, named by its card
 * (`featureModule`) and covered by model.sha256: the committed modules are exactly their plugin
 * sources bundled, a broken declaration is an input error naming the file, an edited module is a
 * digest mismatch, and the pure core names no data set.
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBoundFeatures, readModelCard } from '../../src-main/engine/node/model/modelCard';
import { verifyModel } from '../../src-main/engine/node/model/modelFolder';
import { FEATURE_MODULES } from '../../scripts/featureModules';
import { bundleFeatureModule, FEATURE_MODULE } from '../../scripts/featureModule';
import { rehearse } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');

/** A copy of the smoke model whose card and module are replaced. */
function smokeCopy(card: Record<string, unknown>, module?: string): string {
  const dir = join(tempDir(), 'model');
  cpSync(SMOKE_MODEL, dir, { recursive: true });
  writeFileSync(join(dir, 'model-card.json'), JSON.stringify(card));
  if (module !== undefined) {
    writeFileSync(join(dir, FEATURE_MODULE), module);
  }
  return dir;
}

describe('feature modules', () => {
  it.each(FEATURE_MODULES)('$folder carries exactly $entry bundled', async ({ folder, entry }) => {
    const committed = readFileSync(join(ROOT, folder, FEATURE_MODULE), 'utf8');
    expect(committed).toBe(await bundleFeatureModule(join(ROOT, entry)));
    expect(verifyModel(join(ROOT, folder))).toMatchObject({ verified: true });
  });

  it('bind the spec the module exports to the tables the card lists', async () => {
    const bound = (await loadBoundFeatures(join(ROOT, 'scenarios/demo/models/green-v2'), readModelCard(join(ROOT, 'scenarios/demo/models/green-v2'))))!;
    expect(bound.spec.id).toBe('flights-v2');
    const served = await bound.serving(null).serve([
      { date: '2001-03-05 17:45:00', distance: 337, origin: 'SFO', destination: 'LAX' },
      { date: 'soon', distance: 337, origin: 'SFO', destination: 'LAX' },
    ]);
    expect(served.values.map((v) => v[0])).toEqual([337, 17, 0, expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(served.problems[0]).toBeNull();
    expect(served.problems[1]).toEqual({ field: 'date', message: 'field "date": expected a timestamp such as 2001-03-01 06:05:00, found string "soon"' });
    expect(() => bound.serving('departure-hour-local')).toThrow(
      'feature spec flights-v2 has no serving variant "departure-hour-local"; it has: departure-hour-utc',
    );
  });

  it.each([
    [{ featureSpec: 'smoke-v1' }, undefined, /model-card\.json: featureSpec "smoke-v1" needs featureModule/],
    [{ featureModule: '../outside.mjs' }, undefined, /outside\.mjs: feature module not found inside the model folder/],
    [{ featureModule: FEATURE_MODULE }, 'export const nothing = 1;\n', /features\.mjs: expected a default export of a feature spec/],
    [{ featureModule: FEATURE_MODULE }, 'export default { id: "x", tables: [], features: [{ name: "f" }] };\n', /features\[0\]: expected \{ name, kind/],
    [{ featureModule: FEATURE_MODULE }, 'throw new Error("broken on import");\n', /features\.mjs: the feature module could not be loaded: broken on import/],
    [{ featureModule: FEATURE_MODULE, featureSpec: 'other-v1' }, undefined, /featureSpec "other-v1" does not match the module's spec "smoke-v1"/],
  ])('refuse a broken declaration, naming the file: %j', async (card, module, message) => {
    const dir = smokeCopy(card, module);
    await expect(loadBoundFeatures(dir, readModelCard(dir))).rejects.toThrow(message);
  });

  it('are covered by model.sha256: an edited module is a digest mismatch, and `rehearse run` never loads it', () => {
    const dir = join(tempDir(), 'model');
    cpSync(SMOKE_MODEL, dir, { recursive: true });
    writeFileSync(join(dir, FEATURE_MODULE), `${readFileSync(join(dir, FEATURE_MODULE), 'utf8')}\n// edited after hashing\n`);
    const artifact = verifyModel(dir);
    expect(artifact.verified).toBe(false);
    expect(artifact.message).toContain(`${FEATURE_MODULE} expected`);
  });

  it('a run whose model declares a broken module exits 2 naming the file', () => {
    const dir = smokeCopy({ name: 'smoke-v1', featureSpec: 'smoke-v1' });
    // Beside the model, so the scenario's folder (part of the workspace) holds it.
    const scenario = join(dirname(dir), 's.yaml');
    writeFileSync(
      scenario,
      `name: broken-module\nmodels:\n  blue:\n    path: ${dir}\nsnapshots:\n  production:\n    path: ${ROOT}/scenarios/smoke/flights-2001-03-01.parquet\n    timestamp: date\n`,
    );
    const result = rehearse(['run', scenario, '--out', join(tempDir(), 'run'), '--allow-unverified', '--formats', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'model-card.json')}: featureSpec "smoke-v1" needs featureModule`);
  });
});

describe('the pure core', () => {
  it('names no data set: no feature spec, plugin or data set of a scenario in engine/common', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : name.endsWith('.ts') ? [join(dir, name)] : []));
    // Code, not comments: a comment may use a model's name as an example.
    const code = (file: string): string =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
        .join('\n');
    const named = files(join(ROOT, 'src-main/engine/common')).filter((file) =>
      /flights-v\d|smoke-v\d|airportTimeZones|flightsV\d|scenarios\/(demo|smoke)/.test(code(file)),
    );
    expect(named).toEqual([]);
  });
});
