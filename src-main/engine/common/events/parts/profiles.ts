/** Schemas of resource profiles (contract/profiles.ts), as a `profiles.compared` event carries them. */
import { z } from 'zod';
import type { ProfileDifference, ResourceProfile } from '../../../../contract/profiles';
import { agree, type Output } from '../agreement';
import { maybeNumber, maybeString } from '../fields';

/** GPUs asked for: a count, all of them, or none. */
export const gpuCount = z.union([z.number(), z.literal('all'), z.null()]);

/** One profile, resolved from the scenario. */
export const resourceProfile = z.strictObject({
  name: z.string(),
  memoryBytes: maybeNumber,
  cpus: maybeNumber,
  gpus: gpuCount,
  gpuType: maybeString,
  maxBatch: z.number(),
  maxQueueDelayMs: z.number(),
  timeoutMs: z.number(),
  backend: z.enum(['docker', 'embedded']),
  executionProvider: z.enum(['cpu', 'cuda']),
  deployment: maybeString,
});

/** One difference between two profiles. */
export const profileDifference = z.strictObject({
  field: z.string(),
  kind: z.enum(['resources', 'batching', 'placement', 'runtime', 'privileges', 'other']),
  staging: maybeString,
  production: maybeString,
  lines: z.strictObject({ staging: maybeNumber, production: maybeNumber }).optional(),
});

agree<Output<typeof resourceProfile>, ResourceProfile>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
agree<Output<typeof profileDifference>, ProfileDifference>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
