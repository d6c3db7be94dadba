/**
 * Streams a snapshot through ready models, chunk by chunk in event-time order, and summarizes
 * each model's predictions against the labels (AUC, log loss, positive rate, quantiles). Used by
 * the score phase and by `rehearse score`; blue and green see the same rows.
 */
import type { ScoreSummary } from '../../../contract/events';
import type { RejectSummary, SnapshotSource, SqlRelation } from '../ports/snapshot';
import { logLoss, positiveRate, rocAuc } from '../stats/classification';
import { equalWidthHistogram } from '../stats/histogram';
import { mean, quantileSorted } from '../stats/quantiles';
import { formatEventTime } from '../time/eventTime';
import { InputError } from './inputError';
import type { ReadyModel } from './state';
import { sortFloats } from '../stats/sortFloats';
import { concatTyped } from '../stats/typedArrays';

const QUANTILES = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99] as const;
/** Twenty bins of 0.05 over [0, 1]: fine enough to compare blue with green, small enough for every log. */
const HISTOGRAM_BINS = 20;

/** What a stream through the models gave. */
export interface ScoredStream {
  /** Per model, in the order given: P(positive) of every row. */
  readonly predictions: readonly Float32Array[];
  readonly labels: Float64Array;
  readonly rows: number;
  /** Event times of the first and last rows, or null when none (or the snapshot has no timestamp). */
  readonly first: number | null;
  readonly last: number | null;
  readonly rejects: RejectSummary;
}

/** What a caller does between chunks: the run's controls and its progress. */
export interface StreamHooks {
  /** Before each chunk, with the event time it starts at (NaN without one); `stop` ends the stream there. */
  readonly beforeChunk?: (eventTime: number) => Promise<'continue' | 'stop'>;
  /** After each chunk: its rows, and the event time of its last row (null without one). */
  readonly afterChunk?: (rows: number, last: number | null) => void;
}

/** Reads [from, to) of the source through every model. `derived` adds the scenario's own SQL features. */
export async function scoreStream(
  models: readonly ReadyModel[],
  source: SnapshotSource,
  window: { readonly from?: number | undefined; readonly to?: number | undefined },
  derived: Readonly<Record<string, string>> = {},
  hooks: StreamHooks = {},
): Promise<ScoredStream> {
  const columns = [...new Set(models.flatMap((m) => m.columns))];
  const allDerived = Object.assign({}, derived, ...models.map((m) => m.derived)) as Record<string, string>;
  const relations = Object.assign({}, ...models.map((m) => m.relations)) as Record<string, SqlRelation>;
  const joins = models.flatMap((m) => m.joins);
  const predictions = models.map(() => [] as Float32Array[]);
  const labels: Float64Array[] = [];
  let first: number | null = null;
  let last: number | null = null;
  let rows = 0;
  for await (const chunk of source.read({ columns, derived: allDerived, relations, joins, from: window.from, to: window.to })) {
    if (chunk.rowCount === 0) {
      continue;
    }
    if (hooks.beforeChunk && (await hooks.beforeChunk(chunk.eventTime[0]!)) === 'stop') {
      break;
    }
    if (Number.isFinite(chunk.eventTime[0])) {
      first ??= chunk.eventTime[0]!;
      last = chunk.eventTime[chunk.rowCount - 1]!;
    }
    rows += chunk.rowCount;
    labels.push(chunk.label ?? new Float64Array(chunk.rowCount).fill(Number.NaN));
    for (const [k, model] of models.entries()) {
      predictions[k]!.push(await model.inference.run(await model.toBatch(chunk)));
    }
    hooks.afterChunk?.(chunk.rowCount, last);
  }
  return {
    predictions: predictions.map((parts) => concatTyped(parts, Float32Array)),
    labels: concatTyped(labels, Float64Array),
    rows,
    first,
    last,
    rejects: source.rejects(),
  };
}

/** The rejected share of a read, as an InputError when it is above what the run tolerates. */
export function rejectRateProblem(rejects: RejectSummary, rows: number, maxRejectRate: number, where: string, field: string): InputError | null {
  if (rejects.rejected === 0) {
    return null;
  }
  const total = rows + rejects.rejected;
  const rate = rejects.rejected / total;
  if (rate <= maxRejectRate) {
    return null;
  }
  const example = rejects.examples[0];
  const at = example ? `${example.file}${example.line === null ? '' : `:${example.line}`}: ${example.message}` : 'unknown';
  return new InputError(
    where,
    `${rejects.rejected} of ${total} rows could not be read (${(rate * 100).toFixed(2)}%), above the tolerated ${field} of ${maxRejectRate}; first: ${at}`,
  );
}

/** One model's score over a stream. */
export function summarizeScores(
  model: ReadyModel,
  scores: Float32Array,
  labels: Float64Array,
  source: string,
  first: number | null,
  last: number | null,
): ScoreSummary {
  let labelled = 0;
  for (const y of labels) {
    if (y === 0 || y === 1) {
      labelled++;
    }
  }
  // NaN sorts last in a typed array: the finite scores are the sorted prefix (Infinity aside, which a probability never is).
  const all = sortFloats(Float32Array.from(scores));
  let finite = all.length;
  while (finite > 0 && !Number.isFinite(all[finite - 1]!)) {
    finite--;
  }
  let start = 0;
  while (start < finite && !Number.isFinite(all[start]!)) {
    start++;
  }
  const sorted = all.subarray(start, finite);
  const quantiles: Record<string, number> = {};
  for (const q of QUANTILES) {
    const value = quantileSorted(sorted, q);
    if (value !== null) {
      quantiles[`p${Math.round(q * 100)}`] = value;
    }
  }
  return {
    kind: 'score.summary',
    role: model.role,
    model: model.artifact.name,
    source,
    from: first === null ? null : formatEventTime(first),
    to: last === null ? null : formatEventTime(last),
    n: scores.length,
    labelled,
    auc: rocAuc(scores, labels),
    logLoss: logLoss(scores, labels),
    positiveRate: positiveRate(labels),
    meanPrediction: mean(scores),
    quantiles,
    histogram: { lo: 0, hi: 1, ...equalWidthHistogram(scores, 0, 1, HISTOGRAM_BINS) },
  };
}
