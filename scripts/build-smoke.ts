/**
 * Builds the smoke scenario's data and model (committed; run again only to change them):
 * three days of March 2001 from the vega-datasets flights, and a logistic regression fitted by
 * Newton's method on January, written as ONNX by the project's own writer.
 * Usage: npx tsx scripts/build-smoke.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, sqlString } from '../src-main/engine/node/duckdb/database';
import { formatDigestFile } from '../src-main/engine/common/model/digestFile';
import { trainingSql } from '../src-main/engine/common/features/featureSpec';
import { smokeSpec } from '../scenarios/smoke/features/smoke';
import { bundleFeatureModule, installFeatureModule } from './featureModule';
import { sha256File } from '../src-main/engine/node/model/modelFolder';
import { logisticRegression } from '../src-main/engine/node/onnx/onnxModel';
import { projectRoot } from '../src-main/engine/node/run/projectRoot';

const root = projectRoot();
const flights = join(root, 'node_modules/vega-datasets/data/flights-3m.parquet');
const out = join(root, 'scenarios/smoke');
const modelDir = join(out, 'model');
mkdirSync(modelDir, { recursive: true });

const { instance, connection } = await openDatabase();
await connection.run(
  `COPY (SELECT * FROM read_parquet(${sqlString(flights)}) WHERE date >= TIMESTAMP '2001-03-01' AND date < TIMESTAMP '2001-03-04' ORDER BY date)
   TO ${sqlString(join(out, 'flights-2001-03-01.parquet'))} (FORMAT parquet, COMPRESSION zstd)`,
);
// The training pipeline is the feature spec's SQL, the same definitions the serving pipeline mirrors.
const features = trainingSql(smokeSpec, {});
const rows = await connection.runAndReadAll(
  `SELECT (${features['distance_k']})::DOUBLE AS distance_k, (${features['dep_hour']})::DOUBLE AS dep_hour, (delay > 15)::DOUBLE AS y
   FROM read_parquet(${sqlString(flights)}) WHERE date < TIMESTAMP '2001-02-01' AND delay IS NOT NULL`,
);
const [x1, x2, y] = rows.getColumns().map((column) => Float64Array.from(column, Number)) as [Float64Array, Float64Array, Float64Array];
connection.closeSync();
instance.closeSync();

// Newton's method on the log-likelihood of [1, distance_k, dep_hour]: three parameters, a few steps.
let beta = [0, 0, 0];
for (let step = 0; step < 8; step++) {
  const g = [0, 0, 0];
  const h = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (let i = 0; i < y.length; i++) {
    const row = [1, x1[i]!, x2[i]!];
    const p = 1 / (1 + Math.exp(-(beta[0]! + beta[1]! * row[1]! + beta[2]! * row[2]!)));
    const w = p * (1 - p);
    for (let a = 0; a < 3; a++) {
      g[a]! += (y[i]! - p) * row[a]!;
      for (let b = 0; b < 3; b++) {
        h[a]![b]! += w * row[a]! * row[b]!;
      }
    }
  }
  beta = beta.map((b, k) => b + solve3(h, g)[k]!);
}

const bytes = logisticRegression({ weights: [beta[1]!, beta[2]!], bias: beta[0]!, producer: 'rehearsal smoke' });
writeFileSync(join(modelDir, 'model.onnx'), bytes);
const card = {
  name: 'smoke-v1',
  description: 'Logistic regression of P(delay > 15 min) on distance and departure hour, for fast tests. Not the demo model.',
  featureSpec: 'smoke-v1',
  trainingWindow: { from: '2001-01-01', to: '2001-02-01', rows: y.length },
  coefficients: { intercept: beta[0], distance_k: beta[1], dep_hour: beta[2] },
};
writeFileSync(join(modelDir, 'model-card.json'), `${JSON.stringify(card, null, 2)}\n`);
writeFileSync(
  join(modelDir, 'model.sha256'),
  formatDigestFile(['model.onnx', 'model-card.json'].map((file) => ({ file, sha256: sha256File(join(modelDir, file)) }))),
);
// Its features: the plugin's spec, bundled into the folder as the card's featureModule (and model.sha256 again).
installFeatureModule(modelDir, await bundleFeatureModule(join(root, 'scenarios/smoke/features/smoke.ts')));
process.stdout.write(`smoke model fitted on ${y.length} January rows: ${JSON.stringify(card.coefficients)}\n`);

function solve3(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < 3; col++) {
    const pivot = m[col]![col]!;
    for (let r = 0; r < 3; r++) {
      if (r !== col) {
        const f = m[r]![col]! / pivot;
        for (let c = col; c < 4; c++) {
          m[r]![c]! -= f * m[col]![c]!;
        }
      }
    }
  }
  return m.map((row, i) => row[3]! / row[i]!);
}
