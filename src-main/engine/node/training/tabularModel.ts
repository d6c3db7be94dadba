/**
 * A complete model folder (docs/model-folder.md) from a feature matrix: the network trained with
 * tfjs on the window's rows before the held-out stretch, exported to ONNX by the project's
 * exporter, scored by onnxruntime on the held-out rows, compared with tfjs on the same rows,
 * profiled over the window (reference.json), locked (training.lock), its tfjs weights saved beside
 * the export (tfjs/, for runtime parity) and digested (model.sha256). The features come from the
 * caller: a feature spec's SQL (the flights demo) or SQL declared per feature (tabularFeatures.ts).
 */
import type { TabularNetLayout, TabularNetWeights } from '../../common/model/tabularNet';
import { categoricalProfile, numericProfile, referenceProfileSchema, type ReferenceProfile } from '../../common/model/referenceProfile';
import { logLoss, positiveRate, rocAuc } from '../../common/stats/classification';
import { mean } from '../../common/stats/quantiles';
import { formatEventTime } from '../../common/time/eventTime';
import { writeModelFolder } from '../model/writeModelFolder';
import { exportTabularNet } from '../onnx/exportTabularNet';
import { IR_VERSION, OPSET } from '../onnx/onnxModel';
import { openOrtInference } from '../ort/ortInference';
import { predictMatrix } from '../ort/predictMatrix';
import { runtimeVersions } from '../run/machine';
import { projectRoot } from '../run/projectRoot';
import { sliceByTime, type FeatureMatrix } from './featureMatrix';
import { selectBackend, tfjsVersion, type BackendChoice, type BackendRequest } from './tfBackend';
import { disposeTabularNet, tabularNetFromWeights, tabularNetPredict } from './tabularNetTf';
import { encodeTfjsWeights, TFJS_MANIFEST, TFJS_WEIGHTS } from './tfjsWeights';
import { TRAINING_LOCK_FORMAT, trainingLock } from './trainingLock';
import { trainTabularNet, type TrainingResult } from './trainTabularNet';

/** How one input column enters the network: standardized (after log(1 + x) if asked) or embedded. */
export type NetworkColumn =
  { readonly kind: 'numeric'; readonly log1p: boolean } | { readonly kind: 'categorical'; readonly cardinality: number; readonly dim: number };

/** What to train and where to write it. Times are ms on the data's clock. */
export interface TabularModelPlan {
  readonly name: string;
  readonly description: string;
  /** What the model predicts, in words (the card's `task`). */
  readonly task: string;
  /** The ONNX producer name and the card's `onnx.producer`. */
  readonly producer: string;
  readonly outDir: string;
  /** The training window [from, to); the rows in [heldOutFrom, to) are held out from fitting. */
  readonly from: number;
  readonly heldOutFrom: number;
  readonly to: number;
  /** The card's name for the held-out stretch: the demo's cards say `heldOutWeek`. */
  readonly heldOutKey?: string;
  readonly label: { readonly expression: string; readonly labelDelayHours: number };
  readonly seed: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly hidden: readonly number[];
  readonly backend: BackendRequest;
  readonly log: (line: string) => void;
}

/** The features of a plan: the matrix over the whole window, and what the card says of them. */
export interface TabularModelInputs {
  readonly matrix: FeatureMatrix;
  /** One per matrix column, in order. */
  readonly columns: readonly NetworkColumn[];
  /** The feature spec the matrix was computed with, when there is one (card, ONNX metadata). */
  readonly featureSpec?: string;
  /** The features' own definitions (SQL), when no spec names them: written to the card as `features`. */
  readonly features?: readonly unknown[];
  /** Table name -> its file under the folder and its content (JSON). */
  readonly servingTables: Readonly<Record<string, { readonly file: string; readonly content: unknown }>>;
  /** The feature module the card names (`featureModule`), written into the folder so the digests cover it. */
  readonly featureModule?: { readonly file: string; readonly content: string | Uint8Array };
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

/** Trains, exports, evaluates and writes one model folder. */
export async function buildTabularModel(plan: TabularModelPlan, inputs: TabularModelInputs): Promise<BuiltModel> {
  const { log } = plan;
  const window = inputs.matrix;
  const fit = sliceByTime(window, plan.from, plan.heldOutFrom);
  const heldOut = sliceByTime(window, plan.heldOutFrom, plan.to);
  log(`${plan.name}: ${window.rows} rows in the window, ${fit.rows} to fit, ${heldOut.rows} held out`);
  requireLabels(plan, window);
  const layout = networkLayout(fit, inputs.columns, plan.hidden);
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
  const spec = inputs.featureSpec;
  const bytes = exportTabularNet(layout, trained.weights, {
    graphName: plan.name,
    producer: plan.producer,
    producerVersion: runtimeVersions()['rehearsal'] ?? '0',
    docString: `${plan.description} Input: float32 [N, ${layout.inputWidth}] in the order of ${spec ?? "the card's featureOrder"}: ${window.features.join(', ')}.`,
    metadata: { ...(spec === undefined ? {} : { featureSpec: spec }), featureOrder: window.features.join(',') },
  });
  const evaluation = await evaluate(plan, bytes, window, fit, heldOut);
  const exportParity = parityWithTfjs(plan, layout, trained, heldOut, evaluation.heldOutPredictions);
  const card = modelCard(plan, inputs, { layout, trained, backend, metrics: evaluation.metrics, exportParity, fitRows: fit.rows, heldOutRows: heldOut.rows });
  const tfjsModel = await encodeTfjsWeights(layout, trained.weights);
  const files: Record<string, string | Uint8Array> = {
    'model.onnx': bytes,
    'model-card.json': json(card),
    'reference.json': json(referenceProfileSchema.parse(referenceProfile(plan, inputs.columns, window, evaluation.predictions))),
    'training.lock': json(trainingLock(projectRoot(), `${plan.name}-training`, ['@tensorflow/tfjs', '@duckdb/node-api', 'onnx-proto', 'onnxruntime-node'])),
    [TFJS_MANIFEST]: json(tfjsModel.manifest),
    [TFJS_WEIGHTS]: tfjsModel.bytes,
  };
  for (const table of Object.values(inputs.servingTables)) {
    files[table.file] = json(table.content);
  }
  if (inputs.featureModule !== undefined) {
    files[inputs.featureModule.file] = inputs.featureModule.content;
  }
  return { files: writeModelFolder(plan.outDir, files), layout, weights: trained.weights, card, contents: files };
}

/** A window whose rows lack a 0/1 label cannot be fitted or evaluated: the first such row is named. */
function requireLabels(plan: TabularModelPlan, window: FeatureMatrix): void {
  const missing = window.y.findIndex((v) => !Number.isFinite(v));
  if (missing >= 0) {
    throw new Error(
      `${plan.name}: the label (${plan.label.expression}) is null at ${formatEventTime(window.eventTime[missing]!)}; every training row needs one`,
    );
  }
  const other = window.y.findIndex((v) => v !== 0 && v !== 1);
  if (other >= 0) {
    throw new Error(
      `${plan.name}: the label (${plan.label.expression}) is ${window.y[other]} at ${formatEventTime(window.eventTime[other]!)}; expected 0 or 1 (a 0/1 column, or a condition such as rating >= 4)`,
    );
  }
  if (window.rows === 0) {
    throw new Error(`${plan.name}: no rows in the training window ${formatEventTime(plan.from)} to ${formatEventTime(plan.to)}`);
  }
}

/** onnxruntime's predictions over the window, and the held-out metrics beside the constant baseline. */
async function evaluate(plan: TabularModelPlan, bytes: Uint8Array, window: FeatureMatrix, fit: FeatureMatrix, heldOut: FeatureMatrix) {
  const { inference } = await openOrtInference(bytes, 'cpu');
  const predictions = await predictMatrix(inference, window.x, window.rows, window.features.length);
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
  plan.log(
    `${plan.name}: held out ${formatEventTime(plan.heldOutFrom)} to ${formatEventTime(plan.to)}: auc ${metrics.auc?.toFixed(4)} logLoss ${metrics.logLoss?.toFixed(4)} (baseline ${metrics.baseline.logLoss?.toFixed(4)})`,
  );
  return { predictions, heldOutPredictions, metrics };
}

/** The largest difference between tfjs and onnxruntime on the first held-out rows. */
function parityWithTfjs(plan: TabularModelPlan, layout: TabularNetLayout, trained: TrainingResult, heldOut: FeatureMatrix, heldOutPredictions: Float32Array) {
  const width = layout.inputWidth;
  const parityRows = Math.min(PARITY_ROWS, heldOut.rows);
  const net = tabularNetFromWeights(layout, trained.weights);
  const tfPredictions = tabularNetPredict(net, heldOut.x.subarray(0, parityRows * width), parityRows);
  disposeTabularNet(net);
  let maxAbsDiff = 0;
  for (let i = 0; i < parityRows; i++) {
    maxAbsDiff = Math.max(maxAbsDiff, Math.abs(tfPredictions[i]! - heldOutPredictions[i]!));
  }
  plan.log(`${plan.name}: onnxruntime vs tfjs on ${parityRows} held-out rows: max |difference| ${maxAbsDiff.toExponential(2)}`);
  return { rows: parityRows, maxAbsDiff };
}

interface Trained {
  readonly layout: TabularNetLayout;
  readonly trained: TrainingResult;
  readonly backend: BackendChoice;
  readonly metrics: unknown;
  readonly exportParity: { readonly rows: number; readonly maxAbsDiff: number };
  readonly fitRows: number;
  readonly heldOutRows: number;
}

/** model-card.json, its fields in the order docs/model-folder.md lists them. */
function modelCard(plan: TabularModelPlan, inputs: TabularModelInputs, built: Trained): Record<string, unknown> {
  const { layout, trained, backend } = built;
  const window = inputs.matrix;
  const versions = runtimeVersions();
  return {
    name: plan.name,
    description: plan.description,
    task: plan.task,
    featureSpec: inputs.featureSpec,
    featureOrder: window.features,
    features: inputs.features,
    input: { name: 'features', type: 'float32', dims: ['N', layout.inputWidth], categorical: layout.categorical.map((c) => c.name) },
    output: { name: 'probability', type: 'float32', dims: ['N', 1] },
    onnx: { irVersion: IR_VERSION, opset: OPSET, producer: plan.producer },
    servingTables: Object.fromEntries(Object.entries(inputs.servingTables).map(([name, table]) => [name, table.file])),
    featureModule: inputs.featureModule?.file,
    trainingWindow: { from: formatEventTime(plan.from), to: formatEventTime(plan.to), rows: window.rows },
    fitWindow: { from: formatEventTime(plan.from), to: formatEventTime(plan.heldOutFrom), rows: built.fitRows },
    [plan.heldOutKey ?? 'heldOut']: { from: formatEventTime(plan.heldOutFrom), to: formatEventTime(plan.to), rows: built.heldOutRows },
    label: plan.label,
    metrics: { heldOut: built.metrics },
    exportParity: { ...built.exportParity, between: ['onnxruntime-node cpu', `tfjs ${backend.name}`] },
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
}

/** Numeric columns standardized on the fit rows (after log(1 + x) where asked); categorical ones embedded. */
function networkLayout(fit: FeatureMatrix, columns: readonly NetworkColumn[], hidden: readonly number[]): TabularNetLayout {
  const width = columns.length;
  if (fit.features.length !== width) {
    throw new Error(`expected one network column per feature (${fit.features.length}), found ${width}`);
  }
  const numeric = [];
  const categorical = [];
  for (const [column, spec] of columns.entries()) {
    const name = fit.features[column]!;
    if (spec.kind === 'categorical') {
      categorical.push({ column, name, cardinality: spec.cardinality, dim: spec.dim });
      continue;
    }
    const values = Float64Array.from({ length: fit.rows }, (_, i) => (spec.log1p ? Math.log(1 + fit.x[i * width + column]!) : fit.x[i * width + column]!));
    const average = mean(values) ?? 0;
    const std = Math.sqrt(values.reduce((sum, v) => sum + (v - average) ** 2, 0) / Math.max(1, values.length)) || 1;
    // Rounded to float32 here, so tfjs and the ONNX initializers hold the very same constants.
    numeric.push({ column, name, log1p: spec.log1p, mean: Math.fround(average), std: Math.fround(std) });
  }
  return { inputWidth: width, numeric, categorical, hidden };
}

function referenceProfile(plan: TabularModelPlan, columns: readonly NetworkColumn[], window: FeatureMatrix, predictions: Float32Array): ReferenceProfile {
  const width = columns.length;
  return {
    schemaVersion: 1,
    model: plan.name,
    window: { from: formatEventTime(plan.from), to: formatEventTime(plan.to), rows: window.rows },
    features: columns.map((spec, column) => {
      const values = Float64Array.from({ length: window.rows }, (_, i) => window.x[i * width + column]!);
      return { name: window.features[column]!, profile: spec.kind === 'numeric' ? numericProfile(values) : categoricalProfile(values) };
    }),
    prediction: numericProfile(predictions),
    label: { labelled: window.rows, positiveRate: positiveRate(window.y) ?? 0 },
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
