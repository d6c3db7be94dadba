/**
 * Layers 2 and 3 live, in the model server (the seed's sidecar that "samples incoming
 * requests, computes feature distributions, and compares them against a reference distribution
 * stored at training time"): the last `windowRows` rows the model ran, per input feature and for
 * the predictions, against the model folder's `reference.json`. Pure: the server feeds it each
 * batch's input matrix and scores, and reads the figures when Prometheus scrapes.
 *
 * PSI is the seed's formula on the reference's own histogram edges (the live side has no raw
 * reference values to re-bin), with one open bin below the reference minimum and one above its
 * maximum, where the reference has nothing (clipped to 1e-4 like every empty bin): a value the
 * training window never reached is drift, not noise dropped off the edge.
 */
import type { ReferenceProfile } from '../model/referenceProfile';
import { psiOfCounts } from '../stats/psi';

/** The figures of one input feature over the window. Ratios are of the window's rows. */
export interface LiveFeature {
  readonly name: string;
  /** Null while the window holds fewer than `minRows` values. */
  readonly psi: number | null;
  readonly nullRatio: number;
  /** Numeric: outside the reference's [min, max]. Null for a categorical feature. */
  readonly outOfRangeRatio: number | null;
  /** Categorical: in a category the reference never saw. Null for a numeric feature. */
  readonly unseenRatio: number | null;
}

/** The window's figures. */
export interface LiveFigures {
  readonly rows: number;
  readonly features: readonly LiveFeature[];
  readonly prediction: { readonly psi: number | null; readonly mean: number | null; readonly variance: number | null };
}

/** How much the watch holds. */
export interface LiveWatchOptions {
  /** Rows kept, newest first out last (a sliding window of sampled requests). */
  readonly windowRows: number;
  /** Fewer values than this: no PSI yet (a handful of rows says nothing about a distribution). */
  readonly minRows: number;
}

/** The seed's sidecar, in process. */
export class LiveWatch {
  private readonly columns: Float64Array[];
  private readonly scores: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(
    private readonly reference: ReferenceProfile,
    private readonly options: LiveWatchOptions,
  ) {
    this.columns = reference.features.map(() => new Float64Array(options.windowRows));
    this.scores = new Float64Array(options.windowRows);
  }

  /** The features watched, in the model's input order. */
  get featureNames(): readonly string[] {
    return this.reference.features.map((f) => f.name);
  }

  /** Adds a batch: `matrix` row-major [rows, features] as the model got it (NaN for null), and its scores. */
  observe(matrix: ArrayLike<number>, rows: number, scores: ArrayLike<number>): void {
    const width = this.columns.length;
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < width; j++) {
        this.columns[j]![this.next] = matrix[r * width + j]!;
      }
      this.scores[this.next] = scores[r]!;
      this.next = (this.next + 1) % this.options.windowRows;
      this.filled = Math.min(this.filled + 1, this.options.windowRows);
    }
  }

  /** The figures of the rows in the window now. */
  figures(): LiveFigures {
    const n = this.filled;
    const features = this.reference.features.map((f, j): LiveFeature => {
      const values = this.columns[j]!.subarray(0, n);
      return f.profile.kind === 'numeric'
        ? numericFigures(f.name, f.profile, values, this.options.minRows)
        : categoricalFigures(f.name, f.profile.counts, values, this.options.minRows);
    });
    const scores = this.scores.subarray(0, n);
    const finite = Array.from(scores).filter((s) => Number.isFinite(s));
    const mean = finite.length === 0 ? null : finite.reduce((a, b) => a + b, 0) / finite.length;
    const variance = mean === null ? null : finite.reduce((a, b) => a + (b - mean) ** 2, 0) / finite.length;
    return {
      rows: n,
      features,
      prediction: { psi: numericFigures('prediction', this.reference.prediction, scores, this.options.minRows).psi, mean, variance },
    };
  }
}

function numericFigures(
  name: string,
  profile: Extract<ReferenceProfile['features'][number]['profile'], { kind: 'numeric' }>,
  values: ArrayLike<number>,
  minRows: number,
): LiveFeature {
  const edges = profile.histogram.edges;
  const bins = profile.histogram.counts.length;
  // [below, bin 0 .. bin k-1, above]
  const live = new Float64Array(bins + 2);
  let nulls = 0;
  let outside = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      nulls++;
      continue;
    }
    if (v < profile.min || v > profile.max) {
      outside++;
    }
    live[binOf(edges, v) + 1]! += 1;
  }
  const counted = values.length - nulls;
  const expected = [0, ...profile.histogram.counts, 0];
  return {
    name,
    psi: counted < minRows ? null : psiOfCounts(expected, profile.count, live, counted),
    nullRatio: values.length === 0 ? 0 : nulls / values.length,
    outOfRangeRatio: counted === 0 ? 0 : outside / counted,
    unseenRatio: null,
  };
}

/** The bin of `v` on `edges` as np.histogram counts (the last bin closed); -1 below, edges.length - 1 above. */
function binOf(edges: readonly number[], v: number): number {
  const last = edges.length - 1;
  if (v < edges[0]!) {
    return -1;
  }
  if (v > edges[last]!) {
    return last;
  }
  if (v === edges[last]) {
    return last - 1;
  }
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (v >= edges[mid]!) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function categoricalFigures(name: string, reference: Readonly<Record<string, number>>, values: ArrayLike<number>, minRows: number): LiveFeature {
  const codes = Object.keys(reference);
  const index = new Map(codes.map((c, k) => [c, k]));
  const live = new Float64Array(codes.length + 1);
  let nulls = 0;
  let unseen = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      nulls++;
      continue;
    }
    const k = index.get(String(v));
    if (k === undefined) {
      unseen++;
      live[codes.length]! += 1;
    } else {
      live[k]! += 1;
    }
  }
  const counted = values.length - nulls;
  const expected = [...codes.map((c) => reference[c]!), 0];
  const total = expected.reduce((a, b) => a + b, 0);
  return {
    name,
    psi: counted < minRows ? null : psiOfCounts(expected, total, live, counted),
    nullRatio: values.length === 0 ? 0 : nulls / values.length,
    outOfRangeRatio: null,
    unseenRatio: counted === 0 ? 0 : unseen / counted,
  };
}
