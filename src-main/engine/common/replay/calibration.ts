/**
 * Thresholds calibrated on the reference itself: the reference is cut into chunks of
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
import { sizeScaled } from '../monitoring/sequentialDrift';
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
  /** Each chunk's PSI scaled by the sizes compared (`sizeScaled`), per series and for the predictions: what a sequential rule standardises with and resamples. */
  readonly distances: { readonly features: readonly (readonly number[])[]; readonly prediction: readonly number[] };
  /** The chunks' mean sizes compared (chunk n, rest of the slice m), per series and for the predictions; null without chunks. */
  readonly sizes: { readonly features: readonly (ComparedSizes | null)[]; readonly prediction: ComparedSizes | null };
}

/** How many values a comparison had on each side. */
export interface ComparedSizes {
  readonly n: number;
  readonly m: number;
}

/** The reference's chunks against the rest of their slices. Chunks with fewer than `options.minN` values are left out. */
export function calibrate(series: readonly SeriesSpec[], reference: SeasonalReference, options: DriftOptions): ModelCalibration {
  const features: number[][] = series.map(() => []);
  const prediction: number[] = [];
  const scaled: number[][] = series.map(() => []);
  const scaledPrediction: number[] = [];
  const sizes: ComparedSizes[][] = series.map(() => []);
  const predictionSizes: ComparedSizes[] = [];
  const positiveRate: number[] = [];
  const aucDrop: number[] = [];
  const referenceAuc = reference.auc();
  for (const chunk of reference.chunks) {
    const slice = reference.sliceOf(chunk.from);
    const part = reference.chunkOf(chunk);
    series.forEach((s, j) => {
      if (s.kind === 'numeric') {
        const side = part.numeric[j]!;
        if (side.sample.n >= options.minN) {
          const rest = sampleDifference(slice.numeric[j]!.sample, side.sample);
          const psi = psiOf(rest, side.sample, options);
          pushFinite(features[j]!, psi);
          pushFinite(scaled[j]!, psi === null ? null : sizeScaled(psi, side.sample.n, rest.n));
          sizes[j]!.push({ n: side.sample.n, m: rest.n });
        }
        return;
      }
      const counts = part.codes[j]!;
      if (counts.total - counts.nulls < options.minN) {
        return;
      }
      const whole = slice.codes[j]!.counts;
      const rest = Float64Array.from(whole, (c, code) => c - (code < counts.counts.length ? counts.counts[code]! : 0));
      const psi = categoricalPsi(s.coder!.align(rest, counts.counts));
      pushFinite(features[j]!, psi);
      const sides = { n: counts.total - counts.nulls, m: rest.reduce((a, b) => a + b, 0) };
      pushFinite(scaled[j]!, psi === null ? null : sizeScaled(psi, sides.n, sides.m));
      sizes[j]!.push(sides);
    });
    if (part.prediction.sample.n >= options.minN) {
      const rest = sampleDifference(slice.prediction.sample, part.prediction.sample);
      const psi = psiOf(rest, part.prediction.sample, options);
      pushFinite(prediction, psi);
      pushFinite(scaledPrediction, psi === null ? null : sizeScaled(psi, part.prediction.sample.n, rest.n));
      predictionSizes.push({ n: part.prediction.sample.n, m: rest.n });
    }
    const restLabelled = slice.labelled - part.labelled;
    if (part.labelled >= options.minN && restLabelled > 0) {
      pushFinite(positiveRate, Math.abs(part.positives / part.labelled - (slice.positives - part.positives) / restLabelled));
    }
    const auc = part.scores.predictions.length >= options.minN ? rocAuc(part.scores.predictions, part.scores.labels) : null;
    if (auc !== null && referenceAuc !== null) {
      pushFinite(aucDrop, referenceAuc - auc);
    }
  }
  return {
    features: features.map(summarize),
    prediction: summarize(prediction),
    positiveRate: summarize(positiveRate),
    aucDrop: summarize(aucDrop),
    distances: { features: scaled, prediction: scaledPrediction },
    sizes: { features: sizes.map(meanSizes), prediction: meanSizes(predictionSizes) },
  };
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

function meanSizes(sizes: readonly ComparedSizes[]): ComparedSizes | null {
  if (sizes.length === 0) {
    return null;
  }
  return { n: sizes.reduce((a, b) => a + b.n, 0) / sizes.length, m: sizes.reduce((a, b) => a + b.m, 0) / sizes.length };
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
