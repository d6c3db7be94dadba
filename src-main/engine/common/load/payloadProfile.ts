/**
 * What a load needs of a model's reference profile to send valid rows: per input feature, its
 * quantiles (numeric) or its observed category codes and how often each was seen. The server
 * publishes it in its model metadata (`parameters.reference_profile`) when the folder has a
 * reference.json, so `rehearse load` without `--payload-from` draws rows like the training
 * window's instead of numbers a model cannot take (a negative distance, a code no embedding has).
 */
import { z } from 'zod';
import type { ReferenceProfile } from '../model/referenceProfile';
import type { Rng } from '../ports/rng';

export const payloadProfileSchema = z.strictObject({
  /** In the model's input order: the columns of its matrix input, or its inputs one by one. */
  features: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ name: z.string(), kind: z.literal('numeric'), quantiles: z.array(z.number()).min(1) }),
        z.strictObject({
          name: z.string(),
          kind: z.literal('categorical'),
          codes: z.array(z.number().int()).min(1),
          counts: z.array(z.number().nonnegative()).min(1),
        }),
      ]),
    )
    .min(1),
});

export type PayloadProfile = z.output<typeof payloadProfileSchema>;

/** The payload profile of a reference profile; null when a feature has no value to draw (every row null). */
export function payloadProfileOf(reference: ReferenceProfile): PayloadProfile | null {
  const features: PayloadProfile['features'][number][] = [];
  for (const { name, profile } of reference.features) {
    if (profile.kind === 'numeric') {
      if (profile.count === 0) {
        return null;
      }
      features.push({ name, kind: 'numeric', quantiles: profile.quantiles.values });
    } else {
      const seen = Object.entries(profile.counts)
        .map(([code, count]) => [Number(code), count] as const)
        .filter(([code, count]) => Number.isInteger(code) && count > 0);
      if (seen.length === 0) {
        return null;
      }
      features.push({ name, kind: 'categorical', codes: seen.map(([code]) => code), counts: seen.map(([, count]) => count) });
    }
  }
  return features.length === 0 ? null : { features };
}

/** One row: a numeric feature between its quantiles (linear, as numpy's), a code as often as the reference saw it. */
export function profileRow(profile: PayloadProfile, rng: Rng): number[] {
  return profile.features.map((feature) => {
    if (feature.kind === 'numeric') {
      const q = feature.quantiles;
      const at = rng.next() * (q.length - 1);
      const low = Math.floor(at);
      const value = low + 1 < q.length ? q[low]! + (at - low) * (q[low + 1]! - q[low]!) : q[low]!;
      return Math.round(value * 1e6) / 1e6;
    }
    const total = feature.counts.reduce((a, b) => a + b, 0);
    let target = rng.next() * total;
    for (let i = 0; i < feature.codes.length; i++) {
      target -= feature.counts[i]!;
      if (target < 0) {
        return feature.codes[i]!;
      }
    }
    return feature.codes.at(-1)!;
  });
}
