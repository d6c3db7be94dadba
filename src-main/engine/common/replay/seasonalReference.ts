/**
 * A model's reference (its training window) held for the replay: read once through the feature
 * spec's training SQL and the model, its rows kept in event-time order in compact columns (a
 * code per category, float32 predictions, a byte per label), and each window's slice of the
 * season merged from those rows on first use, then cached (a season has at most 168). With
 * calibrated thresholds, the reference's own window-long chunks are row ranges of the same store,
 * not copies: the demo's two references take about 60 MB this way.
 */
import type { SeasonKind } from '../../../contract/events';
import type { TimeGrain } from '../draft/draftFacts';
import type { NumericSide } from '../drift/numericSide';
import { rocAuc } from '../stats/classification';
import { leftOutOf } from '../stats/dataQuality';
import { sortedSample } from '../stats/sortedSample';
import { CodeCounts } from './growable';
import type { FedChunk } from './modelFeed';
import { bucketCount, bucketOf, bucketsOfWindow, sliceLabel, windowStart } from './seasons';

/** The reference rows a window (or a chunk of the reference) is compared with, ready to compare. */
export interface ReferenceSlice {
  readonly label: string;
  readonly rows: number;
  /** Per series: a numeric side, or null for a categorical one. */
  readonly numeric: readonly (NumericSide | null)[];
  /** Per series: counts per code, or null for a numeric one. */
  readonly codes: readonly (CodeCounts | null)[];
  readonly prediction: NumericSide;
  /** The scored rows' predictions and labels, in row order (for a chunk's AUC). */
  readonly scores: { readonly predictions: Float32Array; readonly labels: Float64Array };
  readonly positiveRate: number | null;
  readonly labelled: number;
  readonly positives: number;
}

/** A chunk of the reference as long as a window: rows [start, end) of the store. */
export interface ReferenceChunk {
  readonly from: number;
  readonly start: number;
  readonly end: number;
}

const UNKNOWN = -1;

/** The grains from coarsest to finest, and the step of each (an event time a whole multiple of it). */
const GRAINS: readonly { readonly grain: TimeGrain; readonly ms: number }[] = [
  { grain: 'day', ms: 86_400_000 },
  { grain: 'hour', ms: 3_600_000 },
  { grain: 'minute', ms: 60_000 },
  { grain: 'second', ms: 1_000 },
  { grain: 'sub-second', ms: 1 },
];

/** A model's reference, in event-time order, sliced by season. */
export class SeasonalReference {
  private readonly numbers: (ColumnOf<Float64Array> | null)[];
  private readonly nulls: (ColumnOf<Uint8Array> | null)[];
  private readonly codes: (ColumnOf<Int32Array> | null)[];
  private readonly predictions = new ColumnOf(Float32Array);
  private readonly labels = new ColumnOf(Int8Array);
  /** Each row's event time: its season's bucket is known only once the season is (the run may choose it from these times). */
  private readonly times = new ColumnOf(Float64Array);
  /** The coarsest grain every event time so far is a whole multiple of (an index into GRAINS). */
  private grainIndex = 0;
  private chosen: SeasonKind | null;
  private byBucket: { readonly order: Int32Array; readonly starts: Int32Array } | null = null;
  private readonly slices = new Map<string, ReferenceSlice>();
  private knownAuc: number | null | undefined;
  /** Every reference row's categories, for "never seen in training". */
  readonly seen: (CodeCounts | null)[];
  readonly chunks: ReferenceChunk[] = [];

  constructor(
    private readonly kinds: readonly ('numeric' | 'categorical')[],
    season: SeasonKind | null,
    private readonly windowMs: number,
  ) {
    this.chosen = season;
    this.numbers = kinds.map((k) => (k === 'numeric' ? new ColumnOf(Float64Array) : null));
    this.nulls = kinds.map((k) => (k === 'numeric' ? new ColumnOf(Uint8Array) : null));
    this.codes = kinds.map((k) => (k === 'categorical' ? new ColumnOf(Int32Array) : null));
    this.seen = kinds.map((k) => (k === 'categorical' ? new CodeCounts() : null));
  }

  /** How many rows the reference holds. */
  get rows(): number {
    return this.times.length;
  }

  /** The season windows are compared in; set at construction or by `settle` once the rows are in. */
  get season(): SeasonKind {
    if (this.chosen === null) {
      throw new Error('the reference was sliced before its season was settled');
    }
    return this.chosen;
  }

  /** Sets the season chosen from the reference's grain and span (`timeFacts`). */
  settle(season: SeasonKind): void {
    this.chosen = season;
    this.byBucket = null;
    this.slices.clear();
  }

  /** The event times' grain and how long the reference spans (first to last row, plus one step of its grain). */
  timeFacts(): { readonly grain: TimeGrain; readonly spanMs: number } {
    const times = this.times.view();
    const step = GRAINS[this.grainIndex]!;
    return { grain: step.grain, spanMs: times.length === 0 ? 0 : times[times.length - 1]! - times[0]! + (step.ms === 1 ? 0 : step.ms) };
  }

  /** Adds a reference chunk (rows in event-time order): as the model's feed saw it, and its predictions. */
  add(eventTime: Float64Array, fed: FedChunk, predictions: Float32Array | null, labels: Float64Array | null): void {
    const n = fed.rowCount;
    const first = this.rows;
    // Each column grows once per chunk and is written by its own loop: one element type per site.
    const times = this.times.extend(n);
    for (let i = 0; i < n; i++) {
      const t = eventTime[i]!;
      times[first + i] = t;
      while (this.grainIndex < GRAINS.length - 1 && t % GRAINS[this.grainIndex]!.ms !== 0) {
        this.grainIndex++;
      }
      const window = windowStart(t, this.windowMs);
      if (this.chunks.at(-1)?.from !== window) {
        this.closeChunk(first + i);
        this.chunks.push({ from: window, start: first + i, end: first + i });
      }
    }
    this.closeChunk(first + n);
    this.kinds.forEach((_, j) => {
      const numbers = fed.numbers[j];
      if (numbers) {
        this.numbers[j]!.extend(n).set(numbers.values.subarray(0, n), first);
        const nulls = this.nulls[j]!.extend(n);
        for (let i = 0; i < n; i++) {
          nulls[first + i] = 1 - numbers.valid[i]!;
        }
      }
      const codes = fed.codes[j];
      if (codes) {
        this.codes[j]!.extend(n).set(codes.subarray(0, n), first);
        this.seen[j]!.addRange(codes, 0, n);
      }
    });
    const scores = this.predictions.extend(n);
    const outcomes = this.labels.extend(n);
    let scored = 0;
    for (let i = 0; i < n; i++) {
      scores[first + i] = fed.scored[i] === 1 && predictions !== null ? predictions[scored++]! : Number.NaN;
      const y = labels === null ? Number.NaN : labels[i]!;
      outcomes[first + i] = y === 0 || y === 1 ? y : UNKNOWN;
    }
    this.byBucket = null;
  }

  /** The rows are all in: columns shrink to their length (they grew by doubling). */
  seal(): void {
    for (const column of [...this.numbers, ...this.nulls, ...this.codes, this.predictions, this.labels, this.times]) {
      column?.trim();
    }
  }

  /** The model's AUC on its whole reference (computed once); null without both classes. */
  auc(): number | null {
    if (this.knownAuc === undefined) {
      const { predictions, labels } = this.scoredRows();
      this.knownAuc = rocAuc(predictions, labels);
    }
    return this.knownAuc;
  }

  /** Every row's prediction and label (NaN where the row was not scored or has no label), in row order. */
  scoredRows(): { readonly predictions: Float32Array; readonly labels: Float64Array } {
    return { predictions: this.predictions.view(), labels: Float64Array.from(this.labels.view(), (y) => (y === UNKNOWN ? Number.NaN : y)) };
  }

  /** The positive rate of the whole reference. */
  positiveRate(): number | null {
    let labelled = 0;
    let positives = 0;
    for (const y of this.labels.view()) {
      labelled += y === UNKNOWN ? 0 : 1;
      positives += y === 1 ? 1 : 0;
    }
    return labelled === 0 ? null : positives / labelled;
  }

  /** The slice a window starting at `from` is compared with. */
  sliceOf(from: number): ReferenceSlice {
    return this.sliceOver(from, this.windowMs);
  }

  /** The slice a stretch [from, from + durationMs) of any length is compared with (a rollout step): the season's buckets its hours touch. */
  sliceOver(from: number, durationMs: number): ReferenceSlice {
    const buckets = bucketsOfWindow(this.season, from, durationMs);
    const key = buckets.join(',');
    let slice = this.slices.get(key);
    if (slice === undefined) {
      const { order, starts } = this.bucketIndex();
      const rows = buckets.flatMap((b) => [order.subarray(starts[b]!, starts[b + 1]!)]);
      slice = this.sideOf(rows, sliceLabel(this.season, from, durationMs));
      this.slices.set(key, slice);
    }
    return slice;
  }

  /** The rows of one chunk of the reference, as a side like a slice's. */
  chunkOf(chunk: ReferenceChunk): ReferenceSlice {
    const rows = new Int32Array(chunk.end - chunk.start);
    for (let i = 0; i < rows.length; i++) {
      rows[i] = chunk.start + i;
    }
    return this.sideOf([rows], 'chunk');
  }

  private closeChunk(end: number): void {
    const last = this.chunks.at(-1);
    if (last !== undefined && last.end < end) {
      this.chunks[this.chunks.length - 1] = { ...last, end };
    }
  }

  /** Row numbers grouped by bucket (a counting sort), built once after the rows are in. */
  private bucketIndex(): { readonly order: Int32Array; readonly starts: Int32Array } {
    if (this.byBucket === null) {
      const season = this.season;
      const buckets = Uint8Array.from(this.times.view(), (t) => bucketOf(season, t));
      const starts = new Int32Array(bucketCount(season) + 1);
      for (const b of buckets) {
        starts[b + 1]! += 1;
      }
      for (let b = 1; b < starts.length; b++) {
        starts[b]! += starts[b - 1]!;
      }
      const next = starts.slice(0, -1);
      const order = new Int32Array(buckets.length);
      buckets.forEach((b, row) => {
        order[next[b]!++] = row;
      });
      this.byBucket = { order, starts };
    }
    return this.byBucket;
  }

  /** The sides of the given rows (lists of row numbers, each ascending). */
  private sideOf(parts: readonly Int32Array[], label: string): ReferenceSlice {
    const count = parts.reduce((n, p) => n + p.length, 0);
    const numeric = this.kinds.map((k, j) => {
      if (k !== 'numeric') {
        return null;
      }
      const values = this.numbers[j]!.view();
      const nulls = this.nulls[j]!.view();
      const kept = new Float64Array(count);
      let m = 0;
      let nullCount = 0;
      for (const rows of parts) {
        for (const row of rows) {
          if (nulls[row] === 1) {
            nullCount++;
          } else {
            kept[m++] = values[row]!;
          }
        }
      }
      const usable = kept.subarray(0, m);
      return { sample: sortedSample(usable), rows: count, leftOut: { ...leftOutOf(usable, null), null: nullCount } };
    });
    const codes = this.kinds.map((k, j) => {
      if (k !== 'categorical') {
        return null;
      }
      const column = this.codes[j]!.view();
      const counts = new CodeCounts();
      for (const rows of parts) {
        for (const row of rows) {
          counts.add(column[row]!, 1);
        }
      }
      return counts;
    });
    const predictions = this.predictions.view();
    const labels = this.labels.view();
    const scoredPredictions = new Float32Array(count);
    const scoredLabels = new Float64Array(count);
    let scored = 0;
    let labelled = 0;
    let positives = 0;
    for (const rows of parts) {
      for (const row of rows) {
        const y = labels[row]!;
        labelled += y === UNKNOWN ? 0 : 1;
        positives += y === 1 ? 1 : 0;
        const p = predictions[row]!;
        if (p === p) {
          scoredPredictions[scored] = p;
          scoredLabels[scored] = y === UNKNOWN ? Number.NaN : y;
          scored++;
        }
      }
    }
    const scores = { predictions: scoredPredictions.subarray(0, scored), labels: scoredLabels.subarray(0, scored) };
    return {
      label,
      rows: count,
      numeric,
      codes,
      prediction: { sample: sortedSample(scores.predictions), rows: scores.predictions.length, leftOut: leftOutOf(scores.predictions, null) },
      scores,
      positiveRate: labelled === 0 ? null : positives / labelled,
      labelled,
      positives,
    };
  }
}

/** A growing typed column. */
class ColumnOf<T extends Float64Array | Float32Array | Int32Array | Int8Array | Uint8Array> {
  private data: T;
  length = 0;

  constructor(private readonly Kind: { new (length: number): T }) {
    this.data = new Kind(1024);
  }

  /** Makes room for `n` more values and counts them in; returns the array to write them into (at the old length). */
  extend(n: number): T {
    if (this.length + n > this.data.length) {
      const grown = new this.Kind(Math.max(this.data.length * 2, this.length + n));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.length += n;
    return this.data;
  }

  /** Drops the room grown ahead. */
  trim(): void {
    if (this.data.length > this.length) {
      this.data = this.data.slice(0, this.length) as T;
    }
  }

  /** The values so far. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
