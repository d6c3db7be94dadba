/**
 * `npm run demo:build`: trains the demo's blue and green flight-delay models with TensorFlow.js and
 * writes scenarios/demo/models/blue-v1, green-v2 and green-v2-leak (green with a route table built
 * without the label delay), committed so a fresh machine needs no training. The pure-JS backend is
 * pinned, so the same seed gives the same bytes; pass `--backend auto` to use
 * @tensorflow/tfjs-node-gpu where it is installed (recorded in the card).
 * Usage: npx tsx scripts/build-demo.ts [--backend cpu|auto] [--only blue-v1|green-v2] [--out <dir>]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { flightsV1Spec } from '../scenarios/demo/features/flightsV1';
import { flightsV2Spec } from '../scenarios/demo/features/flightsV2';
import { projectRoot } from '../src-main/engine/node/run/projectRoot';
import type { BackendRequest } from '../src-main/engine/node/training/tfBackend';
import { buildFlightsModel, buildLeakyRouteTableModel, type FlightsModelPlan } from './demo/buildFlightsModel';

const { values } = parseArgs({ options: { backend: { type: 'string', default: 'cpu' }, only: { type: 'string' }, out: { type: 'string' } } });
const backend = values.backend as BackendRequest;
if (backend !== 'cpu' && backend !== 'auto') {
  throw new Error(`--backend: expected cpu or auto, got ${values.backend}`);
}
const root = projectRoot();
const out = values.out ?? join(root, 'scenarios/demo/models');
const day = (month: number, date: number): number => Date.UTC(2001, month - 1, date);
const common = {
  parquet: join(root, 'node_modules/vega-datasets/data/flights-3m.parquet'),
  seed: 2001,
  epochs: 3,
  batchSize: 1024,
  learningRate: 0.01,
  hidden: [32],
  minAirportFlights: 100,
  backend,
  log: (line: string) => process.stderr.write(`${line}\n`),
};
const plans: FlightsModelPlan[] = [
  {
    ...common,
    name: 'blue-v1',
    description: 'Blue (in production): trained on January 2001, its last week held out.',
    spec: flightsV1Spec,
    featureEntry: join(root, 'scenarios/demo/features/flightsV1.ts'),
    outDir: join(out, 'blue-v1'),
    from: day(1, 1),
    heldOutFrom: day(1, 25),
    to: day(2, 1),
  },
  {
    ...common,
    name: 'green-v2',
    description: "Green (the candidate): trained on January-February 2001, its last week held out, with the route's historical delay rate as one more feature.",
    spec: flightsV2Spec,
    featureEntry: join(root, 'scenarios/demo/features/flightsV2.ts'),
    outDir: join(out, 'green-v2'),
    from: day(1, 1),
    heldOutFrom: day(2, 22),
    to: day(3, 1),
  },
];
const started = performance.now();
for (const plan of plans.filter((p) => values.only === undefined || p.name === values.only)) {
  const t = performance.now();
  const built = await buildFlightsModel(plan);
  process.stdout.write(`${plan.name}: ${built.files.length} files in ${plan.outDir} (${((performance.now() - t) / 1000).toFixed(1)} s)\n`);
  if (plan.name === 'green-v2') {
    const leakOutDir = join(out, 'green-v2-leak');
    const files = await buildLeakyRouteTableModel(built, { ...plan, leakName: 'green-v2-leak', leakOutDir });
    process.stdout.write(`green-v2-leak: ${files.length} files in ${leakOutDir} (green-v2 with a route table built without the label delay)\n`);
  }
}
process.stdout.write(`demo models built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
