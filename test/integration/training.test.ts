/**
 * The demo's training path on a slice of about 20,000 rows: the same seed gives the same
 * bytes twice, the ONNX export computes what tfjs computes on 10,000 replayed rows, and the file
 * passes Debian's onnx.checker. The demo itself is never retrained here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flightsV1Spec } from '../../scenarios/demo/features/flightsV1';
import { openOrtInference } from '../../src-main/engine/node/ort/ortInference';
import { predictMatrix } from '../../src-main/engine/node/ort/predictMatrix';
import { readFeatureMatrix } from '../../src-main/engine/node/training/featureMatrix';
import { selectBackend } from '../../src-main/engine/node/training/tfBackend';
import { disposeTabularNet, tabularNetFromWeights, tabularNetPredict } from '../../src-main/engine/node/training/tabularNetTf';
import { loadBoundFeatures, readModelCard } from '../../src-main/engine/node/model/modelCard';
import { buildFlightsModel, type BuiltModel, type FlightsModelPlan } from '../../scripts/demo/buildFlightsModel';
import { checkOnnxFile, onnxCheckerAvailable } from '../support/onnxChecker';
import { FLIGHTS_3M, ROOT, tempDir } from '../support/paths';
import { requireService } from '../support/services';

const hour = (day: number, h: number): number => Date.UTC(2001, 0, day, h);

function slicePlan(outDir: string): FlightsModelPlan {
  return {
    name: 'slice-v1',
    description: 'A slice of January 2001 for tests.',
    spec: flightsV1Spec,
    featureEntry: join(ROOT, 'scenarios/demo/features/flightsV1.ts'),
    parquet: FLIGHTS_3M,
    outDir,
    from: hour(2, 0),
    heldOutFrom: hour(3, 0),
    to: hour(3, 6),
    seed: 7,
    epochs: 1,
    batchSize: 512,
    learningRate: 0.01,
    hidden: [8],
    minAirportFlights: 20,
    backend: 'cpu',
    log: () => {},
  };
}

function folderBytes(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) {
        walk(rel);
      } else {
        files[rel] = readFileSync(join(dir, rel)).toString('base64');
      }
    }
  };
  walk('');
  return files;
}

describe('training the demo model on a slice (tfjs pure JS, real ORT, real DuckDB)', () => {
  let first: BuiltModel;
  let firstDir: string;

  beforeAll(async () => {
    firstDir = join(tempDir(), 'a');
    first = await buildFlightsModel(slicePlan(firstDir));
  });

  it('writes a model folder with every part, on about 20,000 rows', async () => {
    expect(Object.keys(folderBytes(firstDir)).sort()).toEqual([
      'model-card.json',
      'model.onnx',
      'model.sha256',
      'reference.json',
      'serving/airports.json',
      'serving/features.mjs',
      'tfjs/weights.bin',
      'tfjs/weights.json',
      'training.lock',
    ]);
    expect(first.card).toMatchObject({ featureSpec: 'flights-v1', training: { backend: 'cpu' }, trainingLock: { file: 'training.lock' } });
    const window = first.card['trainingWindow'] as { rows: number };
    expect(window.rows).toBeGreaterThan(15_000);
    expect(window.rows).toBeLessThan(30_000);
  });

  it('gives the same bytes when trained again with the same seed', async () => {
    const secondDir = join(tempDir(), 'b');
    await buildFlightsModel(slicePlan(secondDir));
    expect(folderBytes(secondDir)).toEqual(folderBytes(firstDir));
  });

  it('exports to ONNX what tfjs computes: 10,000 replayed March rows within 1e-5', async () => {
    const card = readModelCard(firstDir);
    const bound = (await loadBoundFeatures(firstDir, card))!;
    const section = { path: FLIGHTS_3M, timestamp: 'date', label: 'delay > 15', labelDelay: 0, maxRejectRate: 0 };
    const replay = await readFeatureMatrix(section, bound.spec, bound.tables, { from: Date.UTC(2001, 2, 5, 6), to: Date.UTC(2001, 2, 6) });
    const rows = 10_000;
    expect(replay.rows).toBeGreaterThanOrEqual(rows);
    const width = first.layout.inputWidth;
    const x = replay.x.subarray(0, rows * width);
    const { inference } = await openOrtInference(join(firstDir, 'model.onnx'), 'cpu');
    const ort = await predictMatrix(inference, x, rows, width);
    await inference.close();
    const net = tabularNetFromWeights(first.layout, first.weights);
    const tf = tabularNetPredict(net, x, rows);
    disposeTabularNet(net);
    let worst = 0;
    for (let i = 0; i < rows; i++) {
      worst = Math.max(worst, Math.abs(ort[i]! - tf[i]!));
    }
    expect(worst).toBeLessThan(1e-5);
    // Unseen airports reach the model as code 0 and are scored, not refused.
    expect(Array.from(x.filter((_, i) => i % width === 3)).some((code) => code === 0)).toBe(true);
  });

  it('falls back from tfjs-node-gpu to the pure-JS backend with the reason when it is not installed', async () => {
    const choice = await selectBackend('auto');
    expect(choice.name).toBe('cpu');
    expect(choice.reason).toMatch(/^@tensorflow\/tfjs-node-gpu is not usable \(.+\); pure-JS backend$/);
  });

  it('passes onnx.checker (Debian python3-onnx: IR 8, opset 17)', (context) => {
    requireService(context, onnxCheckerAvailable(), '/usr/bin/python3 cannot import onnx (apt-get install python3-onnx)');
    const result = checkOnnxFile(join(firstDir, 'model.onnx'));
    expect(result).toEqual({ ok: true, message: 'ok 8 17' });
  });
});
