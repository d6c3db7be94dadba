/**
 * Thresholds calibrated on the reference itself (issue 4): the reference is cut into chunks of
 * the window's length, each compared with the rest of its own slice (the slice without that
 * chunk, so a chunk is never compared with itself), and a rule alerts above mean + k sd of what
 * the reference's own chunks gave: each series' PSI, the predictions' PSI, the positive rate's
 * distance from the rest of the slice, and the AUC's drop below the whole reference's (the
 * model's own AUC there, chunk by chunk). A statistic whose noise at this window size is large (PSI over
 * two hundred airports in an hour) then alerts on change, not on its own sampling noise.
 */
import type { DriftOptions } from '../drift/driftOptions';
import { categoricalPsi } from '../stats/categoricalPsi';
import { rocAuc } from '../stats/classification';
import { equalWidthPsi } from '../stats/equalWidthPsi';
import { quantilePsi } from '../stats/quantilePsi';
import { sampleDifference, type SortedSample } from '../stats/sortedSample';
import type { SeriesSpec } from './modelFeed';
import type { SeasonalReference } from './seasonalReference';

/** What the reference's chunks gave for one statistic. */
export interface Calibration {
  readonly mean: number;
  readonly sd: number;
  readonly chunks: number;
}

/** Calibrations of one model: per series' PSI, the predictions' PSI, the positive rate's distance, the AUC's drop. */
export interface ModelCalibration {
  readonly features: readonly (Calibration | null)[];
  readonly prediction: Calibration | null;
  readonly positiveRate: Calibration | null;
  readonly aucDrop: Calibration | null;
}

/** The reference's chunks against the rest of their slices. Chunks with fewer than `options.minN` values are left out. */
export function calibrate(series: readonly SeriesSpec[], reference: SeasonalReference, options: DriftOptions): ModelCalibration {
  const features: number[][] = series.map(() => []);
  const prediction: number[] = [];
  const positiveRate: number[] = [];
  const aucDrop: number[] = [];
  const referenceAuc = reference.auc();
  for (const chunk of reference.chunks) {
    const slice = reference.sliceOf(chunk.from);
    series.forEach((s, j) => {
      if (s.kind === 'numeric') {
        const side = chunk.rows.numericSide(j);
        if (side.sample.n >= options.minN) {
          pushFinite(features[j]!, psiOf(sampleDifference(slice.numeric[j]!.sample, side.sample), side.sample, options));
        }
        return;
      }
      const part = chunk.rows.codes[j]!;
      if (part.total - part.nulls < options.minN) {
        return;
      }
      const whole = slice.codes[j]!.counts;
      const rest = Float64Array.from(whole, (c, code) => c - (code < part.counts.length ? part.counts[code]! : 0));
      pushFinite(features[j]!, categoricalPsi(s.coder!.align(rest, part.counts)));
    });
    const predictions = chunk.rows.predictionSide();
    if (predictions.sample.n >= options.minN) {
      pushFinite(prediction, psiOf(sampleDifference(slice.prediction.sample, predictions.sample), predictions.sample, options));
    }
    const restLabelled = slice.labelled - chunk.rows.labelled;
    if (chunk.rows.labelled >= options.minN && restLabelled > 0) {
      const rest = (slice.positiveRate! * slice.labelled - chunk.rows.positives) / restLabelled;
      pushFinite(positiveRate, Math.abs(chunk.rows.positiveRate()! - rest));
    }
    const auc = chunk.rows.predictionLabels.length >= options.minN ? rocAuc(chunk.rows.predictions.view(), chunk.rows.predictionLabels.view()) : null;
    if (auc !== null && referenceAuc !== null) {
      pushFinite(aucDrop, referenceAuc - auc);
    }
  }
  return { features: features.map(summarize), prediction: summarize(prediction), positiveRate: summarize(positiveRate), aucDrop: summarize(aucDrop) };
}

/** mean + k sd of a calibration. */
export function calibratedThreshold(calibration: Calibration, k: number): number {
  return calibration.mean + k * calibration.sd;
}

function psiOf(reference: SortedSample, current: SortedSample, options: DriftOptions): number | null {
  if (reference.n < options.minN) {
    return null;
  }
  return (options.binning === 'quantile' ? quantilePsi(reference, current, options.bins) : equalWidthPsi(reference, current, options.bins))?.psi ?? null;
}

function pushFinite(into: number[], x: number | null): void {
  if (x !== null && Number.isFinite(x)) {
    into.push(x);
  }
}

/** Mean and sample sd (n - 1); null with fewer than two values. */
function summarize(values: readonly number[]): Calibration | null {
  if (values.length < 2) {
    return null;
  }
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1);
  return { mean: m, sd: Math.sqrt(variance), chunks: values.length };
}
