/**
 * The event-time metrics of a step, from the step's own rows: green's predictions
 * against blue's on the same rows (PSI), the window's input drift against green's reference,
 * the business outcome on the rows whose labels have arrived, and green's disagreement with blue
 * on the same requests beyond blue's with its twin (Diffy's noise floor).
 */
import type { DisagreementInfo } from '../../../contract/events';
import type { RoutedRequest } from '../ports/rolloutRig';
import type { DriftOptions } from '../drift/driftOptions';
import type { ColumnChunk } from '../ports/snapshot';
import { scoredPrefix, SeriesRows } from '../replay/seriesRows';
import { compareWindow } from '../replay/windowDrift';
import type { WatchedReference } from '../run/state';
import { rocAuc } from '../stats/classification';
import { equalWidthPsi } from '../stats/equalWidthPsi';
import { sortedSample } from '../stats/sortedSample';
import { noiseAdjustedDisagreement, type NoiseAdjusted } from './noiseFloor';

/** PSI of green's predictions (current) against blue's (reference) on the same rows; null without rows. */
export function predictionPsi(blue: ArrayLike<number>, green: ArrayLike<number>): number | null {
  return equalWidthPsi(sortedSample(blue), sortedSample(green))?.psi ?? null;
}

/**
 * The largest PSI of the step's features against green's reference over the step's stretch: the
 * replay's own seasonal reference and comparison (the window's rows served as production serves
 * them, each series on its kind's statistics), with its feature; null when nothing could be compared.
 */
export async function inputDrift(
  watched: WatchedReference,
  pieces: readonly ColumnChunk[],
  stretch: { readonly from: number; readonly durationMs: number },
  options: DriftOptions,
): Promise<{ maxPsi: number; feature: string } | null> {
  const { feed, reference } = watched;
  const rows = new SeriesRows(feed.series.map((s) => s.kind));
  for (const piece of pieces) {
    const fed = await feed.production(piece);
    rows.add(fed, null, scoredPrefix(fed.scored), piece.label, 0, piece.rowCount);
  }
  if (rows.rows === 0) {
    return null;
  }
  const comparison = compareWindow(feed.series, rows, reference.sliceOver(stretch.from, stretch.durationMs), reference.seen, options);
  let worst: { maxPsi: number; feature: string } | null = null;
  for (const { drift } of comparison.features) {
    if (drift.psi !== null && Number.isFinite(drift.psi) && (worst === null || drift.psi > worst.maxPsi)) {
      worst = { maxPsi: drift.psi, feature: drift.name };
    }
  }
  return worst;
}

/** Rows seen so far in the rollout: their event times, labels and both models' predictions. */
export interface OutcomeHistory {
  readonly eventTime: readonly Float64Array[];
  readonly labels: readonly Float64Array[];
  readonly blue: readonly Float32Array[];
  readonly green: readonly Float32Array[];
}

/** The rows of the history whose labels had arrived by `at`, and both models' predictions on them. */
export interface LabelledRows {
  readonly labels: readonly number[];
  readonly blue: readonly number[];
  readonly green: readonly number[];
}

/** Rows whose event time + label delay <= `at`, labelled 0 or 1, scored by both models. */
export function labelledBy(history: OutcomeHistory, at: number, labelDelayMs: number): LabelledRows {
  const labels: number[] = [];
  const blue: number[] = [];
  const green: number[] = [];
  history.eventTime.forEach((times, k) => {
    const y = history.labels[k]!;
    const b = history.blue[k]!;
    const g = history.green[k]!;
    for (let i = 0; i < times.length; i++) {
      if (times[i]! + labelDelayMs <= at && (y[i] === 0 || y[i] === 1) && Number.isFinite(b[i]) && Number.isFinite(g[i])) {
        labels.push(y[i]!);
        blue.push(b[i]!);
        green.push(g[i]!);
      }
    }
  });
  return { labels, blue, green };
}

/** AUC of each side on the labelled rows; null when no row is labelled yet. */
export function outcomeOf(rows: LabelledRows): { labelled: number; blueAuc: number | null; greenAuc: number | null } | null {
  if (rows.labels.length === 0) {
    return null;
  }
  return { labelled: rows.labels.length, blueAuc: rocAuc(rows.blue, rows.labels), greenAuc: rocAuc(rows.green, rows.labels) };
}

/**
 * Green against blue on the requests that blue, green and blue's twin all answered, and blue
 * against its twin on the same requests; null when there were none.
 */
export function disagreementOf(routed: readonly RoutedRequest[], blueThreshold: number, greenThreshold: number): NoiseAdjusted | null {
  const blue: number[] = [];
  const twin: number[] = [];
  const green: number[] = [];
  for (const r of routed) {
    const answers = {
      blue: r.copies.blue,
      green: r.copies.green,
      twin: r.copies.twin,
      ...(r.side !== null && r.served !== null ? { [r.side]: r.served } : {}),
    };
    const b = answers.blue?.prediction;
    const t = answers.twin?.prediction;
    const g = answers.green?.prediction;
    if (typeof b === 'number' && typeof t === 'number' && typeof g === 'number') {
      blue.push(b);
      twin.push(t);
      green.push(g);
    }
  }
  return blue.length === 0 ? null : noiseAdjustedDisagreement(blue, twin, green, blueThreshold, greenThreshold);
}

/** The disagreement as the step event carries it. */
export function disagreementInfo(d: NoiseAdjusted): DisagreementInfo {
  return {
    requests: d.signal.n,
    greenFlipRate: d.signal.flipRate,
    noiseFlipRate: d.noise.flipRate,
    excessFlipRate: d.excessFlipRate,
    greenMeanAbsDiff: d.signal.meanAbsDiff,
    noiseMeanAbsDiff: d.noise.meanAbsDiff,
    noiseMaxAbsDiff: d.noise.maxAbsDiff,
  };
}
