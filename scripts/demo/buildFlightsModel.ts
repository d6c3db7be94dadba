/**
 * Trains one flight-delay model and writes its model folder (DESIGN.md, "A model folder"):
 * serving tables frozen from the training window, features through the spec's training SQL,
 * the network trained with tfjs, exported to ONNX by the project's exporter, scored by
 * onnxruntime on the held-out last week of the window, compared with tfjs on the same rows,
 * profiled over the window (reference.json), locked (training.lock), its tfjs weights saved beside
 * the ONNX export (tfjs/, for runtime parity) and digested (model.sha256).
 */
import type { FeatureSpec } from '../../src-main/engine/common/features/featureSpec';
import type { TabularNetLayout, TabularNetWeights } from '../../src-main/engine/common/model/tabularNet';
import { categoricalProfile, numericProfile, referenceProfileSchema, type ReferenceProfile } from '../../src-main/engine/common/model/referenceProfile';
import { logLoss, positiveRate, rocAuc } from '../../src-main/engine/common/stats/classification';
import { mean } from '../../src-main/engine/common/stats/quantiles';
import { formatEventTime } from '../../src-main/engine/common/time/eventTime';
import { writeModelFolder } from '../../src-main/engine/node/model/writeModelFolder';
import { bundleFeatureModule, FEATURE_MODULE } from '../featureModule';
import { exportTabularNet } from '../../src-main/engine/node/onnx/exportTabularNet';
import { IR_VERSION, OPSET } from '../../src-main/engine/node/onnx/onnxModel';
import { openOrtInference } from '../../src-main/engine/node/ort/ortInference';
import { predictMatrix } from '../../src-main/engine/node/ort/predictMatrix';
import { runtimeVersions } from '../../src-main/engine/node/run/machine';
import { projectRoot } from '../../src-main/engine/node/run/projectRoot';
import { readFeatureMatrix, sliceByTime, type FeatureMatrix } from '../../src-main/engine/node/training/featureMatrix';
import { selectBackend, tfjsVersion, type BackendRequest } from '../../src-main/engine/node/training/tfBackend';
import { disposeTabularNet, tabularNetFromWeights, tabularNetPredict } from '../../src-main/engine/node/training/tabularNetTf';
import { encodeTfjsWeights, TFJS_MANIFEST, TFJS_WEIGHTS } from '../../src-main/engine/node/training/tfjsWeights';
import { TRAINING_LOCK_FORMAT, trainingLock } from '../../src-main/engine/node/training/trainingLock';
import { trainTabularNet } from '../../src-main/engine/node/training/trainTabularNet';
import { buildAirportsTable, buildRouteDelayTable } from './flightsTableBuilders';

/** One model to build. Times are ms on the data's clock. */
export interface FlightsModelPlan {
  readonly name: string;
  readonly description: string;
  readonly spec: FeatureSpec;
  /** The plugin source the spec is built from into the folder's `serving/features.mjs`. */
  readonly featureEntry: string;
  readonly parquet: string;
  readonly outDir: string;
  /** The training window [from, to); the rows in [heldOutFrom, to) are held out from fitting. */
  readonly from: number;
  readonly heldOutFrom: number;
  readonly to: number;
  readonly seed: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly hidden: readonly number[];
  readonly minAirportFlights: number;
  readonly backend: BackendRequest;
  readonly log: (line: string) => void;
}

/** What was built. */
export interface BuiltModel {
  readonly files: readonly string[];
  readonly layout: TabularNetLayout;
  readonly weights: TabularNetWeights;
  readonly card: Record<string, unknown>;
  /** Every file written, by its path in the folder (model.sha256 aside). */
  readonly contents: Readonly<Record<string, string | Uint8Array>>;
}

/** Rows compared between onnxruntime and tfjs when the model is built. */
const PARITY_ROWS = 10_000;
const LABEL_DELAY_HOURS = 24;
const EMBEDDING_DIMS: Readonly<Record<string, number>> = { dep_hour: 4, dep_weekday: 3, origin_index: 6, destination_index: 6 };

/** Builds one model folder. */
export async function buildFlightsModel(plan: FlightsModelPlan): Promise<BuiltModel> {
  const { spec, log } = plan;
  const rawTables: Record<string, unknown> = {
    airports: await buildAirportsTable(plan.parquet, plan.from, plan.heldOutFrom, plan.minAirportFlights),
  };
  if (spec.tables.includes('route_delay')) {
    rawTables['route_delay'] = await buildRouteDelayTable(plan.parquet, plan.from, plan.to, {
      labelDelayHours: LABEL_DELAY_HOURS,
      prior: 0.2,
      priorWeight: 20,
    });
  }
  const tables = spec.prepareTables ? spec.prepareTables(rawTables) : rawTables;
  const section = { path: plan.parquet, timestamp: 'date', label: 'delay > 15', labelDelay: LABEL_DELAY_HOURS * 3_600_000, maxRejectRate: 0 };
  const window = await readFeatureMatrix(section, spec, tables, { from: plan.from, to: plan.to });
  const fit = sliceByTime(window, plan.from, plan.heldOutFrom);
  const heldOut = sliceByTime(window, plan.heldOutFrom, plan.to);
  log(`${plan.name}: ${window.rows} rows in the window, ${fit.rows} to fit, ${heldOut.rows} held out`);

  const airports = (rawTables['airports'] as { codes: string[] }).codes.length + 1;
  const layout = networkLayout(spec, fit, plan.hidden, { dep_hour: 24, dep_weekday: 7, origin_index: airports, destination_index: airports });
  const backend = await selectBackend(plan.backend);
  log(`${plan.name}: tfjs ${tfjsVersion()} backend ${backend.name} (${backend.reason})`);
  const trained = trainTabularNet(
    layout,
    { x: fit.x, y: fit.y, rows: fit.rows },
    {
      seed: plan.seed,
      epochs: plan.epochs,
      batchSize: plan.batchSize,
      learningRate: plan.learningRate,
      onEpoch: (e, loss) => log(`${plan.name}: epoch ${e}/${plan.epochs} loss ${loss.toFixed(5)}`),
    },
  );

  const bytes = exportTabularNet(layout, trained.weights, {
    graphName: plan.name,
    producer: 'rehearsal demo:build',
    producerVersion: runtimeVersions()['rehearsal'] ?? '0',
    docString: `${plan.description} Input: float32 [N, ${layout.inputWidth}] in the order of ${spec.id}: ${window.features.join(', ')}.`,
    metadata: { featureSpec: spec.id, featureOrder: window.features.join(',') },
  });
  const { inference } = await openOrtInference(bytes, 'cpu');
  const width = layout.inputWidth;
  const predictions = await predictMatrix(inference, window.x, window.rows, width);
  await inference.close();
  const heldOutPredictions = sliceByTime({ ...window, x: predictions, features: ['p'] }, plan.heldOutFrom, plan.to).x;
  const fitRate = positiveRate(fit.y) ?? 0;
  const metrics = {
    rows: heldOut.rows,
    auc: rocAuc(heldOutPredictions, heldOut.y),
    logLoss: logLoss(heldOutPredictions, heldOut.y),
    positiveRate: positiveRate(heldOut.y),
    meanPrediction: mean(heldOutPredictions),
    baseline: {
      prediction: 'the fit rows positive rate, for every row',
      probability: fitRate,
      auc: 0.5,
      logLoss: logLoss(new Float32Array(heldOut.rows).fill(fitRate), heldOut.y),
    },
  };
  log(
    `${plan.name}: held out ${formatEventTime(plan.heldOutFrom)} to ${formatEventTime(plan.to)}: auc ${metrics.auc?.toFixed(4)} logLoss ${metrics.logLoss?.toFixed(4)} (baseline ${metrics.baseline.logLoss?.toFixed(4)})`,
  );

  const parityRows = Math.min(PARITY_ROWS, heldOut.rows);
  const net = tabularNetFromWeights(layout, trained.weights);
  const tfPredictions = tabularNetPredict(net, heldOut.x.subarray(0, parityRows * width), parityRows);
  disposeTabularNet(net);
  let maxAbsDiff = 0;
  for (let i = 0; i < parityRows; i++) {
    maxAbsDiff = Math.max(maxAbsDiff, Math.abs(tfPredictions[i]! - heldOutPredictions[i]!));
  }
  log(`${plan.name}: onnxruntime vs tfjs on ${parityRows} held-out rows: max |difference| ${maxAbsDiff.toExponential(2)}`);

  const reference = referenceProfile(plan, spec, window, predictions);
  const versions = runtimeVersions();
  const servingTables = Object.fromEntries(spec.tables.map((t) => [t, `serving/${t.replace('_', '-')}.json`]));
  const card = {
    name: plan.name,
    description: plan.description,
    task: 'P(delay > 15 minutes) of a US domestic flight, at departure',
    featureSpec: spec.id,
    featureOrder: window.features,
    input: { name: 'features', type: 'float32', dims: ['N', width], categorical: layout.categorical.map((c) => c.name) },
    output: { name: 'probability', type: 'float32', dims: ['N', 1] },
    onnx: { irVersion: IR_VERSION, opset: OPSET, producer: 'rehearsal demo:build' },
    servingTables,
    featureModule: FEATURE_MODULE,
    trainingWindow: { from: formatEventTime(plan.from), to: formatEventTime(plan.to), rows: window.rows },
    fitWindow: { from: formatEventTime(plan.from), to: formatEventTime(plan.heldOutFrom), rows: fit.rows },
    heldOutWeek: { from: formatEventTime(plan.heldOutFrom), to: formatEventTime(plan.to), rows: heldOut.rows },
    label: { expression: 'delay > 15', labelDelayHours: LABEL_DELAY_HOURS },
    metrics: { heldOut: metrics },
    exportParity: { rows: parityRows, maxAbsDiff, between: ['onnxruntime-node cpu', `tfjs ${backend.name}`] },
    network: layout,
    training: {
      library: '@tensorflow/tfjs',
      backend: backend.name,
      backendReason: backend.reason,
      seed: plan.seed,
      epochs: plan.epochs,
      batchSize: plan.batchSize,
      learningRate: plan.learningRate,
      optimizer: 'adam',
      losses: trained.losses,
    },
    libraries: {
      '@tensorflow/tfjs': tfjsVersion(),
      'onnxruntime-node': versions['onnxruntime-node'],
      '@duckdb/node-api': versions['@duckdb/node-api'],
      node: versions['node'],
    },
    reference: 'reference.json',
    trainingLock: { file: 'training.lock', format: TRAINING_LOCK_FORMAT },
    tfjs: {
      manifest: TFJS_MANIFEST,
      weights: TFJS_WEIGHTS,
      layout: 'network',
      note: 'the weights tfjs held when training ended; preflight runs them beside onnxruntime (runtime parity)',
    },
  };
  const tfjsModel = await encodeTfjsWeights(layout, trained.weights);
  const files: Record<string, string | Uint8Array> = {
    'model.onnx': bytes,
    'model-card.json': json(card),
    'reference.json': json(referenceProfileSchema.parse(reference)),
    'training.lock': json(trainingLock(projectRoot(), `${plan.name}-training`, ['@tensorflow/tfjs', '@duckdb/node-api', 'onnx-proto', 'onnxruntime-node'])),
    [TFJS_MANIFEST]: json(tfjsModel.manifest),
    [TFJS_WEIGHTS]: tfjsModel.bytes,
    [FEATURE_MODULE]: await bundleFeatureModule(plan.featureEntry),
  };
  for (const table of spec.tables) {
    files[servingTables[table]!] = json(rawTables[table]);
  }
  return { files: writeModelFolder(plan.outDir, files), layout, weights: trained.weights, card, contents: files };
}

/**
 * A model folder that is `built` with its route delay table rebuilt without the label delay, as a
 * feature pipeline that forgot it would (issue 10): the same network, a table whose weekly rates
 * count flights whose delay was not yet known at the week's start. The point-in-time check must
 * catch it; `scenarios/demo-leak.yaml` serves it.
 */
export async function buildLeakyRouteTableModel(
  built: BuiltModel,
  plan: FlightsModelPlan & { readonly leakName: string; readonly leakOutDir: string },
): Promise<string[]> {
  const table = await buildRouteDelayTable(plan.parquet, plan.from, plan.to, { labelDelayHours: 0, prior: 0.2, priorWeight: 20 });
  const card = {
    ...built.card,
    name: plan.leakName,
    description: `${String(built.card['description'])} Its route delay table was rebuilt without the label delay (a delay counted as known at departure), so each week's rates read flights whose delay was not yet known: a point-in-time leak, kept to rehearse the check that catches it.`,
    leak: { table: 'serving/route-delay.json', builtWith: { labelDelayHours: 0 }, shouldBe: { labelDelayHours: LABEL_DELAY_HOURS } },
  };
  const files: Record<string, string | Uint8Array> = { ...built.contents, 'model-card.json': json(card), 'serving/route-delay.json': json(table) };
  return writeModelFolder(plan.leakOutDir, files);
}

/** Numeric features standardized on the fit rows (distance after log(1 + x)); categorical ones embedded. */
function networkLayout(spec: FeatureSpec, fit: FeatureMatrix, hidden: readonly number[], cardinalities: Readonly<Record<string, number>>): TabularNetLayout {
  const width = spec.features.length;
  const numeric = [];
  const categorical = [];
  for (const [column, feature] of spec.features.entries()) {
    if (feature.kind === 'categorical') {
      categorical.push({ column, name: feature.name, cardinality: cardinalities[feature.name]!, dim: EMBEDDING_DIMS[feature.name]! });
      continue;
    }
    const log1p = feature.name === 'distance';
    const values = Float64Array.from({ length: fit.rows }, (_, i) => (log1p ? Math.log(1 + fit.x[i * width + column]!) : fit.x[i * width + column]!));
    const average = mean(values) ?? 0;
    const std = Math.sqrt(values.reduce((sum, v) => sum + (v - average) ** 2, 0) / Math.max(1, values.length)) || 1;
    // Rounded to float32 here, so tfjs and the ONNX initializers hold the very same constants.
    numeric.push({ column, name: feature.name, log1p, mean: Math.fround(average), std: Math.fround(std) });
  }
  return { inputWidth: width, numeric, categorical, hidden };
}

function referenceProfile(plan: FlightsModelPlan, spec: FeatureSpec, window: FeatureMatrix, predictions: Float32Array): ReferenceProfile {
  const width = spec.features.length;
  return {
    schemaVersion: 1,
    model: plan.name,
    window: { from: formatEventTime(plan.from), to: formatEventTime(plan.to), rows: window.rows },
    features: spec.features.map((feature, column) => {
      const values = Float64Array.from({ length: window.rows }, (_, i) => window.x[i * width + column]!);
      return { name: feature.name, profile: feature.kind === 'numeric' ? numericProfile(values) : categoricalProfile(values) };
    }),
    prediction: numericProfile(predictions),
    label: { labelled: window.rows, positiveRate: positiveRate(window.y) ?? 0 },
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
