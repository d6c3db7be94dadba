/**
 * reference.json: the training window's profile of a model's inputs and outputs, what drift and
 * monitoring compare live traffic against (DESIGN.md, "A model folder"). Per numeric feature:
 * count, nulls, moments, the 101 quantiles at 0, 0.01, ..., 1 (numpy's default "linear" method)
 * and a histogram of equal-width bins between min and max (numpy.histogram: the last bin closed).
 * Per categorical feature: the count of each code. The same numeric profile of the predictions.
 */
import { z } from 'zod';
import { equalWidthHistogram, linspace } from '../stats/histogram';
import { mean, quantileSorted } from '../stats/quantiles';

const count = z.number().int().nonnegative();

export const numericProfileSchema = z.strictObject({
  kind: z.literal('numeric'),
  count,
  nulls: count,
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  std: z.number().nonnegative(),
  quantiles: z.strictObject({ probabilities: z.array(z.number().min(0).max(1)), values: z.array(z.number()) }),
  histogram: z.strictObject({ edges: z.array(z.number()).min(2), counts: z.array(count) }),
});

export const categoricalProfileSchema = z.strictObject({
  kind: z.literal('categorical'),
  count,
  nulls: count,
  /** Rows per code, keyed by the code as text (`"0"`, `"17"`). */
  counts: z.record(z.string(), count),
});

export const referenceProfileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  model: z.string().min(1),
  /** The stretch of event time profiled (the training window), wall clock without zone. */
  window: z.strictObject({ from: z.string(), to: z.string(), rows: count }),
  /** In the model's input order. */
  features: z.array(z.strictObject({ name: z.string().min(1), profile: z.discriminatedUnion('kind', [numericProfileSchema, categoricalProfileSchema]) })),
  /** The model's P(positive) over the same rows. */
  prediction: numericProfileSchema,
  /** Labels over the same rows. */
  label: z.strictObject({ labelled: count, positiveRate: z.number().min(0).max(1) }),
});

export type NumericProfile = z.output<typeof numericProfileSchema>;
export type CategoricalProfile = z.output<typeof categoricalProfileSchema>;
export type ReferenceProfile = z.output<typeof referenceProfileSchema>;

/** The quantile probabilities every numeric profile carries. */
export const PROFILE_QUANTILES: readonly number[] = Array.from({ length: 101 }, (_, i) => i / 100);

/** Profiles numeric values (NaN counts as null). `bins` equal-width bins between min and max. */
export function numericProfile(values: ArrayLike<number>, bins = 20): NumericProfile {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      finite.push(v);
    }
  }
  const sorted = Float64Array.from(finite).sort();
  const n = sorted.length;
  const min = n > 0 ? sorted[0]! : 0;
  const max = n > 0 ? sorted[n - 1]! : 0;
  const average = mean(sorted) ?? 0;
  let squares = 0;
  for (const v of sorted) {
    squares += (v - average) ** 2;
  }
  // As np.histogram(values, bins) does: equal-width bins over [min, max], or over
  // [min - 0.5, max + 0.5] when every value is the same.
  const [lo, hi] = max > min ? [min, max] : [min - 0.5, max + 0.5];
  const { counts } = equalWidthHistogram(sorted, lo, hi, bins);
  const edges = linspace(lo, hi, bins + 1);
  return {
    kind: 'numeric',
    count: n,
    nulls: values.length - n,
    min,
    max,
    mean: average,
    std: n > 0 ? Math.sqrt(squares / n) : 0,
    quantiles: { probabilities: [...PROFILE_QUANTILES], values: PROFILE_QUANTILES.map((q) => quantileSorted(sorted, q) ?? 0) },
    histogram: { edges: Array.from(edges), counts },
  };
}

/** Profiles integer codes (NaN counts as null); keys sorted numerically so the file is stable. */
export function categoricalProfile(values: ArrayLike<number>): CategoricalProfile {
  const tally = new Map<number, number>();
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      tally.set(v, (tally.get(v) ?? 0) + 1);
    } else {
      nulls++;
    }
  }
  const counts = Object.fromEntries([...tally.entries()].sort((a, b) => a[0] - b[0]).map(([code, n]) => [String(code), n]));
  return { kind: 'categorical', count: values.length - nulls, nulls, counts };
}
