/**
 * Builds the staging-vs-production scenario's model: a seeded wide MLP whose weights
 * are 26 MB (a batch-1 run reads them all, so batching pays) and whose 131,072-wide layer makes a
 * batch of 256 rows need about 130 MB more than one row (so a memory limit bites). Not committed:
 * the seed makes the same bytes every time, and `npm ci` runs this (`prepare`).
 * Usage: npx tsx scripts/build-wide-model.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeModelFolder } from '../src-main/engine/node/model/writeModelFolder';
import { wideMlp } from '../src-main/engine/node/onnx/wideMlp';
import { projectRoot } from '../src-main/engine/node/run/projectRoot';

/** Two inputs (distance, hour of day), three dense layers, a 16-wide neck and the wide layer. */
export const WIDE_MODEL = { inputs: 2, hidden: [2048, 2048, 16, 131072], seed: 6 } as const;

const folder = join(projectRoot(), 'scenarios/staging-vs-production/model');
const bytes = wideMlp(WIDE_MODEL);
const onnx = join(folder, 'model.onnx');
if (existsSync(onnx) && Buffer.compare(readFileSync(onnx), Buffer.from(bytes)) === 0 && existsSync(join(folder, 'model.sha256'))) {
  process.exit(0);
}
const card = { name: 'wide-mlp', version: `wide-${WIDE_MODEL.hidden.join('x')}-seed${WIDE_MODEL.seed}`, featureOrder: ['distance', 'hour'] };
writeModelFolder(folder, { 'model.onnx': bytes, 'model-card.json': `${JSON.stringify(card, null, 2)}\n` });
console.error(`wrote ${folder} (${(bytes.length / 1e6).toFixed(1)} MB)`);
