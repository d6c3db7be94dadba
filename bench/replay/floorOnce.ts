/**
 * The floor for `npm run bench:replay`, in a fresh process: the same production rows scanned raw
 * by DuckDB in event-time order (chunks fetched, nothing converted), plus the two demo models'
 * batch inference alone on those rows' features (computed beforehand through the training SQL,
 * not timed), in batches of 65,536. Prints one JSON line with each part's wall time.
 */
import { join } from 'node:path';
import { trainingPipeline } from '../../src-main/engine/common/features/featureSpec';
import { openDatabase, sqlString } from '../../src-main/engine/node/duckdb/database';
import { openSnapshot } from '../../src-main/engine/node/duckdb/snapshotReader';
import { loadBoundFeatures, readModelCard } from '../../src-main/engine/node/model/modelCard';
import { openOrtInference } from '../../src-main/engine/node/ort/ortInference';
import { projectRoot } from '../../src-main/engine/node/run/projectRoot';

const root = projectRoot();
const FLIGHTS = join(root, 'node_modules/vega-datasets/data/flights-3m.parquet');
const FROM = Date.UTC(2001, 2, 1);
const TO = Date.UTC(2001, 6, 1);
const BATCH = 65_536;

const cpu = process.cpuUsage();
const scanStarted = performance.now();
const { instance, connection } = await openDatabase();
const result = await connection.stream(
  `SELECT epoch_ms(date)::DOUBLE, CAST(delay > 15 AS DOUBLE), distance, origin, destination FROM read_parquet(${sqlString(FLIGHTS)})
   WHERE date >= TIMESTAMP '2001-03-01' AND date < TIMESTAMP '2001-07-01' ORDER BY date`,
);
let rows = 0;
for (;;) {
  const chunk = await result.fetchChunk();
  if (chunk === null || chunk.rowCount === 0) {
    break;
  }
  rows += chunk.rowCount;
}
const scanMs = performance.now() - scanStarted;
connection.closeSync();
instance.closeSync();

const inferenceMs: Record<string, number> = {};
for (const model of ['blue-v1', 'green-v2']) {
  const folder = join(root, 'scenarios/demo/models', model);
  const bound = (await loadBoundFeatures(folder, readModelCard(folder)))!;
  const pipeline = trainingPipeline(bound.spec, bound.tables, 'floor');
  const names = bound.spec.features.map((f) => f.name);
  const width = names.length;
  const matrix = new Float32Array(rows * width);
  const source = await openSnapshot({ path: FLIGHTS, timestamp: 'date', labelDelay: 0, maxRejectRate: 0, from: FROM, to: TO }, 'production');
  let at = 0;
  for await (const chunk of source.read({ columns: names, derived: pipeline.sql, relations: pipeline.relations, joins: pipeline.joins, from: FROM, to: TO })) {
    for (let i = 0; i < chunk.rowCount; i++, at++) {
      names.forEach((name, j) => {
        const column = chunk.columns[name]!;
        matrix[at * width + j] = column.kind === 'number' ? column.values[i]! : Number.NaN;
      });
    }
  }
  await source.close();
  const { inference } = await openOrtInference(join(folder, 'model.onnx'), 'cpu');
  const input = inference.inputs[0]!.name;
  const started = performance.now();
  for (let start = 0; start < at; start += BATCH) {
    const n = Math.min(BATCH, at - start);
    await inference.run({ [input]: { type: 'float32', dims: [n, width], data: matrix.subarray(start * width, (start + n) * width) } });
  }
  inferenceMs[model] = performance.now() - started;
  await inference.close();
}
// The CPU includes computing the features beforehand, which the wall times leave out.
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    rows,
    scanMs,
    inferenceMs,
    floorMs: scanMs + Object.values(inferenceMs).reduce((a, b) => a + b, 0),
    cpuMs: (used.user + used.system) / 1000,
  }),
);
