/**
 * One window of one model against its reference slice: every watched series with the
 * statistics `rehearse drift` gives (numeric: PSI, KS with scipy's "asymp" p-value, Wasserstein,
 * out-of-range share; categorical: PSI over categories, chi-squared, Jensen-Shannon), null rates,
 * the share of categories never seen in training, and the predictions likewise.
 */
import type { FeatureDrift } from '../../../contract/drift';
import type { WindowSeries } from '../../../contract/events';
import { compareAlignedCategories } from '../drift/compareCategorical';
import { compareNumeric } from '../drift/compareNumeric';
import type { DriftOptions } from '../drift/driftOptions';
import { missingFeature } from '../drift/missingFeature';
import { equalWidthHistogram } from '../stats/histogram';
import { mean } from '../stats/quantiles';
import type { CodeCounts } from './growable';
import type { SeriesSpec } from './modelFeed';
import type { ReferenceSlice } from './seasonalReference';
import type { SeriesRows } from './seriesRows';

/** One series compared: the full comparison, and what the rules read. */
export interface SeriesComparison {
  readonly name: string;
  readonly drift: FeatureDrift;
  /** Share of the window's values in categories no reference row has; null for numbers or no values. */
  readonly unseenShare: number | null;
}

/** A window compared: its series and its predictions. */
export interface WindowComparison {
  readonly features: readonly SeriesComparison[];
  readonly prediction: SeriesComparison;
  readonly meanPrediction: number | null;
  /** The predictions on twenty 0.05 bins over [0, 1], as the score summary counts them. */
  readonly histogram: readonly number[];
}

const HISTOGRAM_BINS = 20;

/** Compares a window's rows with a slice. `seen` are the whole reference's category counts. */
export function compareWindow(
  series: readonly SeriesSpec[],
  window: SeriesRows,
  slice: ReferenceSlice,
  seen: readonly (CodeCounts | null)[],
  options: DriftOptions,
): WindowComparison {
  const features = series.map((s, j): SeriesComparison => {
    if (window.rows > 0 && window.absentRows[j] === window.rows) {
      return { name: s.name, drift: missingFeature(s.name, s.kind, 'current', { reference: slice.rows, current: window.rows }, options), unseenShare: null };
    }
    if (s.kind === 'numeric') {
      return { name: s.name, drift: compareNumeric(s.name, slice.numeric[j]!, window.numericSide(j), options), unseenShare: null };
    }
    const current = window.codes[j]!;
    const reference = slice.codes[j]!;
    const aligned = s.coder!.align(reference.counts, current.counts);
    const drift = compareAlignedCategories(s.name, aligned, { rows: slice.rows, nulls: reference.nulls }, { rows: window.rows, nulls: current.nulls }, options);
    return { name: s.name, drift, unseenShare: unseenOf(current, seen[j]!) };
  });
  const predictions = window.predictions.view();
  const prediction = { name: 'prediction', drift: compareNumeric('prediction', slice.prediction, window.predictionSide(), options), unseenShare: null };
  return { features, prediction, meanPrediction: mean(predictions), histogram: equalWidthHistogram(predictions, 0, 1, HISTOGRAM_BINS).counts };
}

/** The event's view of a series: four significant figures (the alerts carry exact values). */
export function windowSeries(c: SeriesComparison): WindowSeries {
  const d = c.drift;
  const base = {
    name: d.name,
    status: d.status,
    ...(d.reason === null ? {} : { reason: d.reason }),
    psi: round(d.psi),
    n: d.n.current,
    referenceN: d.n.reference,
    nullRate: round(d.nullRate.current),
  };
  if (d.kind === 'numeric') {
    return {
      ...base,
      ks: round(d.ks),
      ...(d.ksMethod === null ? {} : { ksPValue: round(d.ksPValue) }),
      wasserstein: round(d.wasserstein),
      outOfRangeShare: round(d.outOfRangeShare),
    };
  }
  return { ...base, chi2PValue: round(d.chi2PValue), jsd: round(d.jsd), unseenShare: round(c.unseenShare) };
}

/** Four significant figures; null stays null. */
export function round(x: number | null): number | null {
  return x === null ? null : Number(x.toPrecision(4));
}

function unseenOf(window: CodeCounts, seen: CodeCounts): number | null {
  const n = window.total - window.nulls;
  if (n === 0) {
    return null;
  }
  let unseen = 0;
  for (let code = 0; code < window.counts.length; code++) {
    if (window.counts[code]! > 0 && !(code < seen.counts.length && seen.counts[code]! > 0)) {
      unseen += window.counts[code]!;
    }
  }
  return unseen / n;
}
