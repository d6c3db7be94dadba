/**
 * `features`: named features the snapshot does not carry as columns, and how preflight checks the
 * models' feature pipelines: sampled requests through the training pipeline (SQL) and
 * the serving pipeline (TypeScript), the freshness of joined values, and which serving variant a
 * deployment runs (to rehearse a serving bug on purpose).
 */
import { z } from 'zod';
import { columnName, durationMs, sqlExpression, unitInterval } from '../values';

/** Feature parity: which requests are sampled and what counts as the same value. */
export const featureParitySection = z.strictObject({
  /** Requests sampled from the production snapshot's window; each goes through both pipelines. */
  sample: z.number().int().min(1).max(100_000).default(1000),
  /** Seeds the sample: the same seed picks the same requests from the same snapshot. */
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  /** Numeric values agree when |training - serving| <= absolute + relative * |training|; others exactly. */
  tolerance: z.strictObject({ absolute: z.number().min(0).default(1e-6), relative: z.number().min(0).default(1e-6) }).prefault({}),
  /** The share of sampled requests on which a feature may disagree. */
  maxMismatchRate: unitInterval.default(0),
  /** The largest L-infinity distance between the two pipelines' category frequencies. */
  maxLInfinity: unitInterval.default(0.01),
  /** The largest Jensen-Shannon divergence (base 2) between the two pipelines' numeric histograms. */
  maxJensenShannon: unitInterval.default(0.01),
});

/** How old a joined feature value may be at request time before it is flagged. */
export const freshnessSection = z.strictObject({
  maxAge: durationMs,
});

/** A serving variant's name, as a feature spec declares it (`departure-hour-utc`). */
const variantName = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a variant name such as departure-hour-utc' });

export const featuresSection = z.strictObject({
  /** Training-pipeline definitions: a name and a SQL expression over one snapshot row. */
  derived: z.record(columnName, sqlExpression).default({}),
  parity: featureParitySection.prefault({}),
  /** Joined values older than this at request time are flagged; without it ages are only reported. */
  freshness: freshnessSection.optional(),
  /**
   * The serving pipeline each deployment runs, when not the spec's own: a named variant of the
   * model's feature spec (a known serving bug, to rehearse the parity check). Replay scores with it.
   */
  servingVariant: z.strictObject({ blue: variantName.optional(), green: variantName.optional() }).default({}),
});

export type FeaturesSection = z.output<typeof featuresSection>;
export type FeatureParitySection = z.output<typeof featureParitySection>;
