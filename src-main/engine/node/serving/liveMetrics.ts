/**
 * Layers 2 and 3 of four-layer monitoring as the server's Prometheus metrics, beside
 * layer 1 in the same registry: the seed's prediction and confidence histograms on every row,
 * and, when the model folder has a `reference.json` whose features match the model's one input
 * matrix, the `LiveWatch` figures (PSI, null, out-of-range and unseen ratios per feature; the
 * predictions' PSI, mean and variance) read at each scrape. Names from `metricNames.ts`.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { LiveWatch } from '../../common/monitoring/liveWatch';
import { CONFIDENCE_BUCKETS, METRICS, PREDICTION_BUCKETS } from '../../common/monitoring/metricNames';
import type { ReferenceProfile } from '../../common/model/referenceProfile';
import type { FeatureBatch } from '../../common/ports/inference';
import type { ServedModel } from '../../common/serving/servedModel';

/**
 * The sliding window: the last 5,000 rows. PSI's own sampling noise grows with the bins over the
 * rows, about (bins - 1) / rows: on 1,000 January flights the demo's 208 airports read PSI 0.18
 * and 0.22 against January itself, a hair under the 0.25 alert; at 5,000 rows about 0.04.
 */
export const LIVE_WINDOW_ROWS = 5000;
const MIN_ROWS = 100;

/** Feeds a batch the model ran to the live metrics. */
export interface LiveObserver {
  /** Why layer 2 is not live for this model, or null when it is. */
  readonly layer2Off: string | null;
  /** The input matrix, copied before the batch goes to the worker (which takes its buffer); null when layer 2 is off. */
  capture(batch: FeatureBatch): Float32Array | Float64Array | null;
  observe(inputs: Float32Array | Float64Array | null, scores: Float32Array): void;
  /** A request refused for one raw field (`instances[3].distance`): a type error of every feature that reads it. */
  refused(field: string): void;
}

/** Registers the layer 2 and 3 metrics on `registry`. */
export function liveMetrics(registry: Registry, model: ServedModel, reference: ReferenceProfile | null, windowRows = LIVE_WINDOW_ROWS): LiveObserver {
  const registers = [registry];
  const prediction = new Histogram({
    name: METRICS.predictionValue,
    help: 'Distribution of model predictions, P(positive).',
    buckets: [...PREDICTION_BUCKETS],
    registers,
  });
  const confidence = new Histogram({
    name: METRICS.confidence,
    help: 'Model confidence, max(p, 1 - p), per prediction.',
    buckets: [...CONFIDENCE_BUCKETS],
    registers,
  });
  // Registered whatever the layout, so the exported rules on it always find the series name.
  const typeErrors = new Counter({
    name: METRICS.featureTypeErrors,
    help: 'Requests refused because a value a feature reads had the wrong type or was missing, by feature.',
    labelNames: ['feature'],
    registers,
  });
  const readers = fieldReaders(model);
  const input = model.layout.kind === 'pipeline' || model.layout.kind === 'matrix' ? model.layout.input : null;
  const off = layer2Off(model, reference);
  const watch = off === null ? new LiveWatch(reference!, { windowRows, minRows: MIN_ROWS }) : null;
  if (watch !== null) {
    registerWatchGauges(registers, watch, windowRows);
  }
  return {
    layer2Off: off,
    capture(batch) {
      const data = watch === null ? undefined : batch[input!]?.data;
      return data === undefined || data instanceof BigInt64Array ? null : data.slice();
    },
    refused(field) {
      const name = field.split('.').at(-1) ?? '';
      for (const feature of readers.get(name) ?? []) {
        typeErrors.inc({ feature });
      }
    },
    observe(inputs, scores) {
      // A NaN or infinite score is answered as the model's error, never observed: prom-client
      // throws on it, and one NaN in the window would make every figure NaN.
      const kept = finiteRows(inputs, scores);
      for (const p of kept.scores) {
        prediction.observe(p);
        confidence.observe(Math.max(p, 1 - p));
      }
      if (watch !== null && kept.inputs !== null && kept.scores.length > 0) {
        watch.observe(kept.inputs, kept.scores.length, kept.scores);
      }
    },
  };
}

/** The rows whose score is finite, inputs and scores alike (the same arrays when every score is). */
function finiteRows(inputs: Float32Array | Float64Array | null, scores: Float32Array): { inputs: Float32Array | Float64Array | null; scores: Float32Array } {
  if (scores.every(Number.isFinite)) {
    return { inputs, scores };
  }
  const rows = [...scores.keys()].filter((i) => Number.isFinite(scores[i]));
  const width = inputs === null || scores.length === 0 ? 0 : inputs.length / scores.length;
  const keptInputs = inputs === null ? null : new (inputs.constructor as Float32ArrayConstructor)(rows.length * width);
  rows.forEach((row, k) => keptInputs?.set(inputs!.subarray(row * width, (row + 1) * width), k * width));
  return { inputs: keptInputs, scores: Float32Array.from(rows, (i) => scores[i]!) };
}

/** Why layer 2 cannot be live for this model and reference, or null when it can. */
function layer2Off(model: ServedModel, reference: ReferenceProfile | null): string | null {
  const { layout } = model;
  const width = layout.kind === 'pipeline' ? layout.pipeline.features.length : layout.kind === 'matrix' ? layout.width : null;
  if (reference === null) {
    return 'the model folder has no reference.json';
  }
  if (layout.kind !== 'pipeline' && layout.kind !== 'matrix') {
    return 'the model takes no single feature matrix';
  }
  return width !== reference.features.length
    ? `reference.json profiles ${reference.features.length} features, the model takes ${width ?? 'an unknown number of'}`
    : null;
}

/** The `LiveWatch` figures as gauges, computed once a scrape: the first gauge collected refreshes what the others read. */
function registerWatchGauges(registers: Registry[], watch: LiveWatch, windowRows: number): void {
  let figures = watch.figures();
  type Figures = typeof figures;
  const perFeature = (name: string, help: string, read: (f: Figures['features'][number]) => number | null, first = false): void => {
    new Gauge({
      name,
      help,
      labelNames: ['feature'],
      registers,
      collect(this: Gauge<'feature'>) {
        if (first) {
          figures = watch.figures();
        }
        this.reset();
        for (const f of figures.features) {
          const value = read(f);
          if (value !== null) {
            this.set({ feature: f.name }, value);
          }
        }
      },
    });
  };
  const single = (name: string, help: string, read: () => number | null): void => {
    new Gauge({
      name,
      help,
      registers,
      collect(this: Gauge) {
        this.reset();
        const value = read();
        if (value !== null) {
          this.set(value);
        }
      },
    });
  };
  const last = `over the last ${windowRows} rows`;
  perFeature(
    METRICS.featurePsi,
    `PSI of each input feature ${last} against the training window (reference.json); absent below ${MIN_ROWS} rows.`,
    (f) => f.psi,
    true,
  );
  perFeature(METRICS.featureNullRatio, `Share of null values of each input feature ${last}.`, (f) => (figures.rows === 0 ? null : f.nullRatio));
  perFeature(
    METRICS.featureOutOfRangeRatio,
    `Share of values outside the training window's [min, max], per numeric feature, ${last}.`,
    (f) => f.outOfRangeRatio,
  );
  perFeature(
    METRICS.featureUnseenRatio,
    `Share of values in categories the training window never had, per categorical feature, ${last}.`,
    (f) => f.unseenRatio,
  );
  single(METRICS.predictionPsi, `PSI of the predictions ${last} against the training window's.`, () => figures.prediction.psi);
  single(METRICS.predictionMean, `Mean prediction ${last}.`, () => figures.prediction.mean);
  single(METRICS.predictionVariance, `Variance of the predictions ${last}.`, () => figures.prediction.variance);
}

/** Raw field -> the features that read it: from the feature spec (and its serving variant), or the matrix's own column names. */
function fieldReaders(model: ServedModel): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  const add = (field: string, feature: string): void => {
    readers.set(field, [...(readers.get(field) ?? []), feature]);
  };
  if (model.layout.kind === 'pipeline') {
    const pipeline = model.layout.pipeline;
    pipeline.features.forEach((feature, j) => pipeline.featureFields[j]!.forEach((field) => add(field, feature)));
  } else if (model.layout.kind === 'matrix') {
    for (const name of model.layout.names ?? []) {
      add(name, name);
    }
  }
  return readers;
}
