/**
 * The rows of one model over a stretch of event time (a production window, a reference bucket
 * or chunk), gathered as the replay compares them: each numeric series' values and nulls, each
 * categorical series' counts per code, the predictions with their labels, and the labels alone.
 */
import type { NumericSide } from '../drift/numericSide';
import { leftOutOf } from '../stats/dataQuality';
import { sortedSample } from '../stats/sortedSample';
import { CodeCounts, GrowableFloat64 } from './growable';
import type { FedChunk } from './modelFeed';

/** What a stretch of rows holds, per series. */
export class SeriesRows {
  rows = 0;
  scored = 0;
  /** The first reason rows were refused by the serving features, or null. */
  refusal: string | null = null;
  /** Per series: rows it was absent from (a schema break). */
  readonly absentRows: number[];
  readonly numbers: (GrowableFloat64 | null)[];
  readonly numberNulls: number[];
  readonly codes: (CodeCounts | null)[];
  /** Predictions of the scored rows, and those rows' labels (NaN where unknown). */
  readonly predictions = new GrowableFloat64();
  readonly predictionLabels = new GrowableFloat64();
  /** Labels of every row: how many are known, and how many are positive. */
  labelled = 0;
  positives = 0;

  constructor(readonly kinds: readonly ('numeric' | 'categorical')[]) {
    this.absentRows = kinds.map(() => 0);
    this.numbers = kinds.map((k) => (k === 'numeric' ? new GrowableFloat64() : null));
    this.numberNulls = kinds.map(() => 0);
    this.codes = kinds.map((k) => (k === 'categorical' ? new CodeCounts() : null));
  }

  /**
   * Adds rows [from, to) of a fed chunk. `predictions` are the chunk's scored rows' in order,
   * `scoredBefore[i]` how many rows before i were scored.
   */
  add(fed: FedChunk, predictions: Float32Array | null, scoredBefore: Int32Array, labels: Float64Array | null, from: number, to: number): void {
    this.rows += to - from;
    if (fed.refusal !== null && this.refusal === null && scoredBefore[to]! - scoredBefore[from]! < to - from) {
      this.refusal = fed.refusal;
    }
    fed.absent.forEach((absent, j) => {
      if (absent) {
        this.absentRows[j]! += to - from;
      }
    });
    for (let j = 0; j < this.kinds.length; j++) {
      const numbers = fed.numbers[j];
      if (numbers) {
        const out = this.numbers[j]!;
        for (let i = from; i < to; i++) {
          if (numbers.valid[i] === 1) {
            out.push(numbers.values[i]!);
          } else {
            this.numberNulls[j]! += 1;
          }
        }
      }
      const codes = fed.codes[j];
      if (codes) {
        this.codes[j]!.addRange(codes, from, to);
      }
    }
    const first = scoredBefore[from]!;
    const last = scoredBefore[to]!;
    this.scored += last - first;
    if (predictions !== null) {
      this.predictions.pushRange(predictions, first, last);
    }
    for (let i = from; i < to; i++) {
      const y = labels === null ? Number.NaN : labels[i]!;
      if (y === 0 || y === 1) {
        this.labelled += 1;
        this.positives += y;
      }
      if (fed.scored[i] === 1) {
        this.predictionLabels.push(y);
      }
    }
  }

  /** A numeric series as a side to compare (values sorted now). */
  numericSide(j: number): NumericSide {
    const values = this.numbers[j]!.view();
    return { sample: sortedSample(values), rows: this.rows, leftOut: { ...leftOutOf(values, null), null: this.numberNulls[j]! } };
  }

  /** The predictions as a side to compare. */
  predictionSide(): NumericSide {
    const values = this.predictions.view();
    return { sample: sortedSample(values), rows: this.scored, leftOut: leftOutOf(values, null) };
  }

  /** Share of known labels that are positive; null without labels. */
  positiveRate(): number | null {
    return this.labelled === 0 ? null : this.positives / this.labelled;
  }

  clear(): void {
    this.rows = 0;
    this.scored = 0;
    this.refusal = null;
    this.absentRows.fill(0);
    this.numbers.forEach((n) => n?.clear());
    this.numberNulls.fill(0);
    this.codes.forEach((c) => c?.clear());
    this.predictions.clear();
    this.predictionLabels.clear();
    this.labelled = 0;
    this.positives = 0;
  }
}

/** `scoredBefore[i]`: how many of rows [0, i) are scored (length rowCount + 1). */
export function scoredPrefix(scored: Uint8Array): Int32Array {
  const prefix = new Int32Array(scored.length + 1);
  for (let i = 0; i < scored.length; i++) {
    prefix[i + 1] = prefix[i]! + scored[i]!;
  }
  return prefix;
}
