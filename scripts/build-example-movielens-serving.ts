/**
 * Gives each MovieLens model folder its declared pipelines: the serving module bundled from
 * scenarios/examples/movielens/features/servingFeatures.ts into `serving/features.mjs`, and the
 * card's `pipeline` (training: each feature's SQL in the card; serving: that module in a worker;
 * a serving variant that counts the movie's age in completed years). model.sha256 is written again over the folder.
 * `npx tsx scripts/build-example-movielens-serving.ts`; rerun, it gives the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDigestFile, parseDigestFile } from '../src-main/engine/common/model/digestFile';
import { sha256File } from '../src-main/engine/node/model/modelFolder';
import { bundleFeatureModule, FEATURE_MODULE } from './featureModule';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios', 'examples', 'movielens');
const code = await bundleFeatureModule(join(root, 'features', 'servingFeatures.ts'));

for (const model of ['blue-v1', 'green-v2']) {
  const folder = join(root, 'models', model);
  writeFileSync(join(folder, FEATURE_MODULE), code);
  const cardPath = join(folder, 'model-card.json');
  const card = JSON.parse(readFileSync(cardPath, 'utf8')) as Record<string, unknown>;
  card['pipeline'] = {
    fields: ['rated_at', 'movie_id', 'release_year', 'genres'],
    training: { kind: 'sql' },
    serving: { kind: 'module', module: FEATURE_MODULE, export: 'features' },
    servingVariants: { 'age-completed-years': { kind: 'module', module: FEATURE_MODULE, export: 'featuresAgeInCompletedYears' } },
  };
  writeFileSync(cardPath, `${JSON.stringify(card, null, 2)}\n`);
  const listed = parseDigestFile(readFileSync(join(folder, 'model.sha256'), 'utf8')).lines.map((l) => l.file);
  const files = [...new Set([...listed, FEATURE_MODULE])].sort();
  writeFileSync(join(folder, 'model.sha256'), formatDigestFile(files.map((file) => ({ file, sha256: sha256File(join(folder, file)) }))));
  console.log(`${model}: ${FEATURE_MODULE} and the card's pipeline written`);
}
