/** Schemas of preflight's feature checks (contract/events/features.ts): parity, point-in-time, freshness. */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { list, maybeNumber, maybeString, role, timeText } from './fields';

const featureMismatchExample = z.strictObject({
  requestId: z.string(),
  eventTime: timeText,
  record: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  training: maybeNumber,
  serving: maybeNumber,
});

const featureComparison = z.strictObject({
  name: z.string(),
  kind: z.enum(['numeric', 'categorical']),
  compared: z.number(),
  mismatches: z.number(),
  mismatchRate: z.number(),
  maxAbsDelta: maybeNumber,
  shifts: list(z.strictObject({ training: maybeNumber, serving: maybeNumber, count: z.number() })),
  examples: list(featureMismatchExample),
  distribution: z.strictObject({ metric: z.enum(['L-infinity', 'Jensen-Shannon']), value: maybeNumber, threshold: z.number() }),
  passed: z.boolean(),
});

const pointInTimeExample = z.strictObject({
  requestId: z.string(),
  eventTime: timeText,
  key: z.string(),
  asOf: timeText,
  used: z.number(),
  expected: z.number(),
  withoutLabelDelay: z.number(),
  rowsKnown: z.number(),
  rowsBefore: z.number(),
});

/** The feature check event kinds. */
export const FEATURE_EVENTS = {
  'feature.parity': z.strictObject({
    kind: z.literal('feature.parity'),
    role,
    model: z.string(),
    featureSpec: z.string(),
    servingVariant: maybeString,
    sample: z.strictObject({
      source: z.string(),
      seed: z.number(),
      requested: z.number(),
      requests: z.number(),
      joined: z.number(),
      from: timeText.nullable(),
      to: timeText.nullable(),
    }),
    tolerance: z.strictObject({ absolute: z.number(), relative: z.number() }),
    maxMismatchRate: z.number(),
    servingErrors: z.number(),
    servingErrorExamples: list(z.strictObject({ requestId: z.string(), message: z.string() })),
    features: list(featureComparison),
    passed: z.boolean(),
  }),
  'feature.pointInTime': z.strictObject({
    kind: z.literal('feature.pointInTime'),
    role,
    model: z.string(),
    feature: z.string(),
    sample: z.enum(['production', 'reference']),
    history: z.string(),
    labelDelayMs: z.number(),
    checked: z.number(),
    violations: z.number(),
    leaks: z.number(),
    futureAsOf: z.number(),
    examples: list(pointInTimeExample),
    passed: z.boolean(),
  }),
  'feature.freshness': z.strictObject({
    kind: z.literal('feature.freshness'),
    role,
    model: z.string(),
    feature: z.string(),
    requests: z.number(),
    ageMs: z.strictObject({ p50: z.number(), p95: z.number(), max: z.number() }).nullable(),
    maxAgeMs: maybeNumber,
    stale: z.number(),
    oldest: z.strictObject({ requestId: z.string(), eventTime: timeText, asOf: timeText, ageMs: z.number() }).nullable(),
  }),
  'feature.unavailable': z.strictObject({ kind: z.literal('feature.unavailable'), role, model: z.string(), reason: z.string() }),
};

agree<SchemaOutputs<typeof FEATURE_EVENTS>, ContractBodies<typeof FEATURE_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
