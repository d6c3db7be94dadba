/** Schemas of the replay's events (contract/events/drift.ts): windows, labels, alerts, shifts. */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { list, maybeNumber, role, timeText } from './fields';
import { monitoringLayer, psiBands } from './parts/charts';
import { driftStatus, featureKind } from './parts/drift';

const thresholdSource = z.enum(['fixed', 'calibrated']);

const watchedSeries = z.strictObject({
  name: z.string(),
  kind: featureKind,
  compared: z.string(),
  psiThreshold: z.number(),
  thresholdSource,
  calibration: z.strictObject({ mean: z.number(), sd: z.number(), k: z.number(), chunks: z.number() }).nullable(),
  sequential: z.strictObject({ mean: z.number(), sd: z.number(), allowance: z.number(), decision: z.number(), ert: z.number(), psi: maybeNumber }).optional(),
});

const replayModel = z.strictObject({
  role,
  model: z.string(),
  reference: z
    .strictObject({
      source: z.string(),
      from: timeText.nullable(),
      to: timeText.nullable(),
      rows: z.number(),
      positiveRate: maybeNumber,
      auc: maybeNumber,
    })
    .nullable(),
  features: list(watchedSeries),
  prediction: watchedSeries.nullable(),
  labels: z.strictObject({ positiveRate: z.number(), aucDrop: z.number(), thresholdSource }).nullable(),
  estimate: z.strictObject({ calibrated: z.boolean(), error: z.number(), noise: z.number(), bound: z.number(), rows: z.number() }).nullable().optional(),
});

const windowSeries = z.strictObject({
  name: z.string(),
  status: driftStatus,
  reason: z.string().optional(),
  psi: maybeNumber,
  n: z.number(),
  referenceN: z.number(),
  nullRate: maybeNumber,
  ks: maybeNumber.optional(),
  ksPValue: maybeNumber.optional(),
  wasserstein: maybeNumber.optional(),
  outOfRangeShare: maybeNumber.optional(),
  chi2PValue: maybeNumber.optional(),
  jsd: maybeNumber.optional(),
  unseenShare: maybeNumber.optional(),
});

/** Who an alert is about: a model's side, or the whole rehearsal. */
const alertRole = role.nullable();

/** The replay's event kinds. */
export const DRIFT_EVENTS = {
  'replay.started': z.strictObject({
    kind: z.literal('replay.started'),
    windowMs: z.number(),
    season: z.enum(['hour-of-week', 'hour-of-day', 'day-of-week', 'month-of-year', 'none']),
    seasonReason: z.string().optional(),
    minRows: z.number(),
    bands: psiBands,
    forWindows: z.number(),
    models: list(replayModel),
    rows: maybeNumber,
  }),
  'drift.window': z.strictObject({
    kind: z.literal('drift.window'),
    role,
    model: z.string(),
    from: timeText,
    to: timeText,
    rows: z.number(),
    scored: z.number(),
    refused: z.number(),
    slice: z.strictObject({ label: z.string(), rows: z.number() }),
    features: list(windowSeries),
    prediction: windowSeries.extend({ mean: maybeNumber, histogram: list(z.number()) }).nullable(),
    estimate: z.strictObject({ auc: maybeNumber, accuracy: maybeNumber }).optional(),
  }),
  'labels.window': z.strictObject({
    kind: z.literal('labels.window'),
    role,
    model: z.string(),
    from: timeText,
    to: timeText,
    labelled: z.number(),
    positiveRate: maybeNumber,
    referencePositiveRate: maybeNumber,
    auc: maybeNumber,
    referenceAuc: maybeNumber,
    threshold: z.number(),
    precision: maybeNumber,
    recall: maybeNumber,
    falsePositiveRate: maybeNumber,
    brier: maybeNumber,
    ece: maybeNumber,
    estimate: z.strictObject({ auc: maybeNumber, aucStandardError: maybeNumber, accuracy: maybeNumber, realisedAccuracy: maybeNumber }).optional(),
  }),
  'alert.firing': z.strictObject({
    kind: z.literal('alert.firing'),
    layer: monitoringLayer,
    rule: z.string(),
    role: alertRole,
    subject: z.string(),
    value: maybeNumber,
    threshold: maybeNumber,
    from: timeText,
    to: timeText,
    message: z.string(),
    clock: z.literal('real').optional(),
  }),
  'alert.resolved': z.strictObject({
    kind: z.literal('alert.resolved'),
    layer: monitoringLayer,
    rule: z.string(),
    role: alertRole,
    subject: z.string(),
    from: timeText,
    to: timeText,
    clock: z.literal('real').optional(),
  }),
  'shift.injected': z.strictObject({
    kind: z.literal('shift.injected'),
    index: z.number(),
    name: z.string(),
    operator: z.string(),
    targets: list(z.string()),
    from: timeText,
    to: timeText.nullable(),
    onset: z.enum(['sudden', 'ramped']),
  }),
  'shift.detected': z.strictObject({
    kind: z.literal('shift.detected'),
    index: z.number(),
    name: z.string(),
    layer: monitoringLayer,
    rule: z.string(),
    role: alertRole,
    subject: z.string(),
    at: timeText,
    delayMs: z.number(),
  }),
  'shift.missed': z.strictObject({ kind: z.literal('shift.missed'), index: z.number(), name: z.string(), reason: z.string() }),
  'replay.finished': z.strictObject({
    kind: z.literal('replay.finished'),
    models: list(
      z.strictObject({
        role,
        model: z.string(),
        compared: list(z.strictObject({ name: z.string(), windows: z.number() })),
        falseAlarms: z.strictObject({
          windows: z.number(),
          alerting: z.number(),
          features: list(z.strictObject({ name: z.string(), evaluated: z.number(), firing: z.number() })),
        }),
        estimate: z
          .strictObject({ calibrated: z.boolean(), windows: z.number(), aucMae: maybeNumber, accuracyMae: maybeNumber, aucStandardError: maybeNumber })
          .optional(),
      }),
    ),
  }),
};

agree<SchemaOutputs<typeof DRIFT_EVENTS>, ContractBodies<typeof DRIFT_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
