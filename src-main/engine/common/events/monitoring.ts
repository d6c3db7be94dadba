/** Schemas of four-layer monitoring's events (contract/events/monitoring.ts): faults and their detection. */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { list, maybeNumber, maybeString, timeText } from './fields';
import { monitoringLayer } from './parts/charts';
import { serverFaults } from './server';

/** One layer's answer to one fault. */
export const layerDetection = z.strictObject({
  layer: monitoringLayer,
  budgetMs: maybeNumber,
  at: timeText.nullable(),
  delayMs: maybeNumber,
  rule: maybeString,
  outcome: z.enum(['in-budget', 'late', 'missed', 'confirms']),
});

/** The monitoring event kinds. */
export const MONITORING_EVENTS = {
  'fault.injected': z.strictObject({
    kind: z.literal('fault.injected'),
    index: z.number(),
    name: z.string(),
    label: z.string(),
    faults: serverFaults,
    note: maybeString,
    from: timeText,
    atMs: z.number(),
  }),
  'fault.cleared': z.strictObject({ kind: z.literal('fault.cleared'), index: z.number(), name: z.string(), from: timeText, to: timeText, atMs: z.number() }),
  'monitoring.detection': z.strictObject({
    kind: z.literal('monitoring.detection'),
    source: z.enum(['shift', 'server-fault']),
    index: z.number(),
    name: z.string(),
    from: timeText,
    layers: list(layerDetection),
    blindSpot: z.boolean(),
  }),
};

agree<SchemaOutputs<typeof MONITORING_EVENTS>, ContractBodies<typeof MONITORING_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
