/** Schemas of a model server's events (contract/events/server.ts), as the run's log carries them. */
import { z } from 'zod';
import type { ServerFaults } from '../../../contract/events';
import { agree, type ContractBodies, type Output, type SchemaOutputs } from './agreement';
import { list, maybeNumber, maybeString } from './fields';
import { digestCheck, tensorInfo } from './models';

/** Added latency: a fixed delay, or a seeded sample from a distribution. */
export const latencyFault = z.discriminatedUnion('distribution', [
  z.strictObject({ distribution: z.literal('fixed'), ms: z.number() }),
  z.strictObject({ distribution: z.literal('uniform'), minMs: z.number(), maxMs: z.number() }),
  z.strictObject({ distribution: z.literal('normal'), meanMs: z.number(), sdMs: z.number() }),
  z.strictObject({ distribution: z.literal('lognormal'), medianMs: z.number(), sigma: z.number() }),
  z.strictObject({ distribution: z.literal('exponential'), meanMs: z.number() }),
]);

/** The faults a model server injects; an absent key is a fault that is off. */
export const serverFaults = z.strictObject({
  seed: z.number(),
  latency: latencyFault.optional(),
  errorRate: z.number().optional(),
  crash: z.strictObject({ afterRequests: z.number().optional(), afterMs: z.number().optional() }).optional(),
  memoryGrowth: z.strictObject({ bytesPerRequest: z.number(), space: z.enum(['heap', 'native']) }).optional(),
  stuckBatch: z.boolean().optional(),
});

/** The model server event kinds. */
export const SERVER_EVENTS = {
  'server.started': z.strictObject({
    kind: z.literal('server.started'),
    label: z.string(),
    url: z.string(),
    pid: z.number(),
    model: z.strictObject({
      name: z.string(),
      version: z.string(),
      path: z.string(),
      sha256: z.string(),
      inputs: list(tensorInfo),
      outputs: list(tensorInfo),
      featureSpec: maybeString,
    }),
    verified: z.boolean(),
    allowUnverified: z.boolean(),
    digestMessage: z.string(),
    requestedProvider: z.string(),
    executionProvider: z.string(),
    fallbackReason: maybeString,
    maxBatch: z.number(),
    maxQueueDelayMs: z.number(),
    timeoutMs: z.number(),
    heapMb: maybeNumber,
  }),
  'server.refused': z.strictObject({
    kind: z.literal('server.refused'),
    label: z.string(),
    path: z.string(),
    message: z.string(),
    files: list(digestCheck),
  }),
  'server.faults': z.strictObject({
    kind: z.literal('server.faults'),
    label: z.string(),
    source: z.enum(['start', 'admin']),
    faults: serverFaults,
    previous: serverFaults.nullable(),
  }),
  'server.crashing': z.strictObject({ kind: z.literal('server.crashing'), label: z.string(), reason: z.string(), requests: z.number() }),
  'server.stopped': z.strictObject({
    kind: z.literal('server.stopped'),
    label: z.string(),
    requested: z.boolean(),
    exitCode: maybeNumber,
    signal: maybeString,
    message: z.string(),
    oomKilled: z.boolean().optional(),
  }),
};

agree<Output<typeof serverFaults>, ServerFaults>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
agree<SchemaOutputs<typeof SERVER_EVENTS>, ContractBodies<typeof SERVER_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
