/**
 * Trains the second example's models with the project's generic trainer (declared SQL features,
 * engine/node/training/trainDeclaredModel.ts) and writes scenarios/examples/movielens/models/
 * blue-v1 and green-v2, then data/features.parquet: each rating with both models' input features
 * (`blue_<feature>`, `green_<feature>`): a training-features file as a team keeps one. Then each
 * folder gets its declared pipelines (scripts/build-example-movielens-serving.ts). Committed; the
 * pure-JS backend is pinned, so the same seed gives the same bytes.
 * Usage: npx tsx scripts/train-example-movielens.ts [--out <models dir>]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src-main/engine/node/run/projectRoot';
import { writeFeatureFile } from '../src-main/engine/node/training/featureFile';
import { featureQuery, type CodeTable } from '../src-main/engine/node/training/tabularFeatures';
import { trainDeclaredModel, type DeclaredModelPlan } from '../src-main/engine/node/training/trainDeclaredModel';
import { BLUE_FEATURES, EXAMPLE_DIR, GREEN_FEATURES, ratingsSnapshot } from './examples/movielens';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const root = projectRoot();
const out = values.out ?? join(root, EXAMPLE_DIR, 'models');
const day = (year: number, month: number): number => Date.UTC(year, month - 1, 1);
const common = {
  producer: 'rehearsal example:movielens',
  task: 'P(rating >= 4 stars) of a MovieLens rating, when it is given',
  snapshot: ratingsSnapshot(root),
  seed: 1995,
  epochs: 6,
  batchSize: 256,
  learningRate: 0.005,
  hidden: [16],
  backend: 'cpu' as const,
  log: (line: string) => process.stderr.write(`${line}\n`),
};
const plans: DeclaredModelPlan[] = [
  {
    ...common,
    name: 'blue-v1',
    description: 'Blue (in production): trained on 1996-2000 ratings, the last half-year held out; what the movie is (age, genres).',
    outDir: join(out, 'blue-v1'),
    features: BLUE_FEATURES,
    from: day(1996, 1),
    heldOutFrom: day(2000, 7),
    to: day(2001, 1),
  },
  {
    ...common,
    name: 'green-v2',
    description: "Green (the candidate): trained on 1999-2005 ratings, the last half-year held out; blue's features and the movie itself.",
    outDir: join(out, 'green-v2'),
    features: GREEN_FEATURES,
    from: day(1999, 1),
    heldOutFrom: day(2005, 7),
    to: day(2006, 1),
  },
];
const queries = [];
for (const plan of plans) {
  const started = performance.now();
  const built = await trainDeclaredModel(plan);
  process.stdout.write(`${plan.name}: ${built.files.length} files in ${plan.outDir} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  const tables = Object.fromEntries(
    plan.features.filter((f) => f.kind === 'categorical').map((f) => [f.name, JSON.parse(String(built.contents[`serving/${f.name}-codes.json`])) as CodeTable]),
  );
  const prefix = `${plan.name.split('-')[0]}_`;
  queries.push({ prefix, query: featureQuery(plan.features, tables, `of model ${plan.name}`, prefix) });
}
const featureFile = join(root, EXAMPLE_DIR, 'data/features.parquet');
const rows = await writeFeatureFile(
  { path: common.snapshot.path, timestamp: 'rated_at', keep: ['rated_at', 'user_id', 'movie_id', 'rating'] },
  queries,
  featureFile,
);
process.stdout.write(`${rows} rows with both models' features in ${featureFile}\n`);
// The trainer writes the card anew: the serving module and the card's pipeline go back in.
if (values.out === undefined) {
  await import('./build-example-movielens-serving');
}
