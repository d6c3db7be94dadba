/** Schemas of the load phase's events under resource profiles (contract/events/profiles.ts). */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { list, maybeNumber, maybeString } from './fields';
import { loadResult } from './parts/load';
import { gpuCount, profileDifference, resourceProfile } from './parts/profiles';

/** The load phase's event kinds. */
export const PROFILE_EVENTS = {
  'profiles.compared': z.strictObject({
    kind: z.literal('profiles.compared'),
    profiles: list(resourceProfile),
    differences: list(profileDifference),
    notReproduced: list(z.string()),
    bound: z.number(),
  }),
  'image.ready': z.strictObject({
    kind: z.literal('image.ready'),
    profile: z.string(),
    tag: z.string(),
    id: z.string(),
    sizeBytes: z.number(),
    built: z.boolean(),
    baseImported: z.boolean(),
    durationMs: z.number(),
    modelSha256: z.string(),
    lockSha256: z.string(),
  }),
  'load.result': z.strictObject({
    kind: z.literal('load.result'),
    profile: z.string(),
    backend: z.enum(['docker', 'embedded']),
    model: z.string(),
    limits: z.strictObject({ memoryBytes: maybeNumber, cpus: maybeNumber, gpus: gpuCount }),
    maxBatch: z.number(),
    result: loadResult.nullable(),
    oomKilled: z.boolean().nullable(),
    peakMemoryBytes: maybeNumber,
    serverEnd: maybeString,
    error: maybeString,
  }),
};

agree<SchemaOutputs<typeof PROFILE_EVENTS>, ContractBodies<typeof PROFILE_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
