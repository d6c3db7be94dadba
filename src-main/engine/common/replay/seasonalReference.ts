/**
 * A model's reference (its training window) held for the replay: read once through the feature
 * spec's training SQL and the model, kept in hourly buckets of the season, and merged into the
 * slice each window is compared with on first use (then cached: a season has at most 168).
 * With calibrated thresholds it also keeps the reference's own window-long chunks.
 */
import type { SeasonKind } from '../../../contract/events';
import type { NumericSide } from '../drift/numericSide';
import { rocAuc } from '../stats/classification';
import { CodeCounts, GrowableFloat64 } from './growable';
import type { FedChunk } from './modelFeed';
import { bucketCount, bucketOf, bucketsOfWindow, sliceLabel, windowStart } from './seasons';
import { scoredPrefix, SeriesRows } from './seriesRows';

/** The reference rows a window is compared with, ready to compare. */
export interface ReferenceSlice {
  readonly label: string;
  readonly rows: number;
  /** Per series: a numeric side, or null for a categorical one. */
  readonly numeric: readonly (NumericSide | null)[];
  /** Per series: counts per code, or null for a numeric one. */
  readonly codes: readonly (CodeCounts | null)[];
  readonly prediction: NumericSide;
  readonly positiveRate: number | null;
  readonly labelled: number;
}

/** A chunk of the reference as long as a window, for calibration. */
export interface ReferenceChunk {
  readonly from: number;
  readonly rows: SeriesRows;
}

/** A model's reference, bucketed by season. */
export class SeasonalReference {
  private readonly buckets: SeriesRows[];
  private readonly slices = new Map<string, ReferenceSlice>();
  /** Every reference row's categories, for "never seen in training". */
  readonly seen: (CodeCounts | null)[];
  readonly chunks: ReferenceChunk[] = [];
  private readonly predictions = new GrowableFloat64();
  private readonly predictionLabels = new GrowableFloat64();
  rows = 0;

  constructor(
    private readonly kinds: readonly ('numeric' | 'categorical')[],
    private readonly season: SeasonKind,
    private readonly windowMs: number,
    private readonly keepChunks: boolean,
  ) {
    this.buckets = Array.from({ length: bucketCount(season) }, () => new SeriesRows(kinds));
    this.seen = kinds.map((k) => (k === 'categorical' ? new CodeCounts() : null));
  }

  /** Adds a reference chunk: its rows' event times, as the model's feed saw it, and its predictions. */
  add(eventTime: Float64Array, fed: FedChunk, predictions: Float32Array | null, labels: Float64Array | null): void {
    const prefix = scoredPrefix(fed.scored);
    const n = fed.rowCount;
    this.rows += n;
    // Rows come in event-time order: runs of one bucket (and one window) are added at once.
    let from = 0;
    while (from < n) {
      const bucket = bucketOf(this.season, eventTime[from]!);
      const window = windowStart(eventTime[from]!, this.windowMs);
      let to = from + 1;
      while (to < n && bucketOf(this.season, eventTime[to]!) === bucket && windowStart(eventTime[to]!, this.windowMs) === window) {
        to++;
      }
      this.buckets[bucket]!.add(fed, predictions, prefix, labels, from, to);
      if (this.keepChunks) {
        let chunk = this.chunks.at(-1);
        if (chunk === undefined || chunk.from !== window) {
          chunk = { from: window, rows: new SeriesRows(this.kinds) };
          this.chunks.push(chunk);
        }
        chunk.rows.add(fed, predictions, prefix, labels, from, to);
      }
      from = to;
    }
    fed.codes.forEach((codes, j) => {
      if (codes) {
        this.seen[j]!.addRange(codes, 0, n);
      }
    });
    if (predictions !== null) {
      this.predictions.pushRange(predictions, 0, predictions.length);
      for (let i = 0; i < n; i++) {
        if (fed.scored[i] === 1) {
          this.predictionLabels.push(labels === null ? Number.NaN : labels[i]!);
        }
      }
    }
  }

  private knownAuc: number | null | undefined;

  /** The model's AUC on its whole reference (computed once); null without both classes. */
  auc(): number | null {
    if (this.knownAuc === undefined) {
      // The model's scores are float32: sorted as such, faster, with the same values.
      this.knownAuc = rocAuc(Float32Array.from(this.predictions.view()), this.predictionLabels.view());
    }
    return this.knownAuc;
  }

  /** The positive rate of the whole reference. */
  positiveRate(): number | null {
    const labelled = this.buckets.reduce((n, b) => n + b.labelled, 0);
    return labelled === 0 ? null : this.buckets.reduce((n, b) => n + b.positives, 0) / labelled;
  }

  /** The slice a window starting at `from` is compared with. */
  sliceOf(from: number): ReferenceSlice {
    const buckets = bucketsOfWindow(this.season, from, this.windowMs);
    const key = buckets.join(',');
    let slice = this.slices.get(key);
    if (slice === undefined) {
      slice = merge(this.kinds, buckets.map((b) => this.buckets[b]!), sliceLabel(this.season, from, this.windowMs));
      this.slices.set(key, slice);
    }
    return slice;
  }
}

/** One slice from its buckets: numeric values pooled and sorted, counts summed. */
function merge(kinds: readonly ('numeric' | 'categorical')[], parts: readonly SeriesRows[], label: string): ReferenceSlice {
  const pooled = new SeriesRows(kinds);
  for (const part of parts) {
    pooled.rows += part.rows;
    pooled.scored += part.scored;
    pooled.labelled += part.labelled;
    pooled.positives += part.positives;
    kinds.forEach((_, j) => {
      const values = part.numbers[j];
      if (values) {
        pooled.numbers[j]!.pushRange(values.view(), 0, values.length);
        pooled.numberNulls[j]! += part.numberNulls[j]!;
      }
      const codes = part.codes[j];
      if (codes) {
        pooled.codes[j]!.addAll(codes);
      }
    });
    pooled.predictions.pushRange(part.predictions.view(), 0, part.predictions.length);
  }
  return {
    label,
    rows: pooled.rows,
    numeric: kinds.map((k, j) => (k === 'numeric' ? pooled.numericSide(j) : null)),
    codes: pooled.codes,
    prediction: pooled.predictionSide(),
    positiveRate: pooled.positiveRate(),
    labelled: pooled.labelled,
  };
}
