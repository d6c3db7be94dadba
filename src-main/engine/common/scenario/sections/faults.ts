/**
 * The faults one model server injects (issue 5): added latency, an error rate, a crash, memory
 * growth, a stuck batch. The same schema reads `rehearse serve --faults`, the admin endpoint's
 * body and, once a phase applies faults (the rollout and monitoring issues), the scenario's
 * `faults` section, which will wrap it with a target and a start and end in event time.
 */
import { z } from 'zod';
import type { ServerFaults } from '../../../../contract/events';
import { unitInterval } from '../values';

const ms = z.number().min(0).max(3_600_000);
const positiveMs = z.number().positive().max(3_600_000);

/** Added latency per batch: fixed, or sampled with the faults' seed. */
export const latencyFault = z.discriminatedUnion('distribution', [
  z.strictObject({ distribution: z.literal('fixed'), ms }),
  z
    .strictObject({ distribution: z.literal('uniform'), minMs: ms, maxMs: ms })
    .refine((l) => l.minMs <= l.maxMs, { message: 'expected minMs <= maxMs', path: ['maxMs'] }),
  z.strictObject({ distribution: z.literal('normal'), meanMs: ms, sdMs: ms }),
  z.strictObject({ distribution: z.literal('lognormal'), medianMs: positiveMs, sigma: z.number().min(0).max(10) }),
  z.strictObject({ distribution: z.literal('exponential'), meanMs: positiveMs }),
], { error: 'expected distribution fixed, uniform, normal, lognormal or exponential' });

/** The faults of one server; every key but `seed` is optional, and absent means off. */
export const serverFaultsSchema = z.strictObject({
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  latency: latencyFault.optional(),
  errorRate: unitInterval.optional(),
  crash: z
    .strictObject({ afterRequests: z.number().int().min(0).optional(), afterMs: ms.optional() })
    .refine((c) => c.afterRequests !== undefined || c.afterMs !== undefined, { message: 'expected afterRequests or afterMs' })
    .optional(),
  memoryGrowth: z
    .strictObject({
      bytesPerRequest: z.number().int().min(1).max(1 << 30),
      space: z.enum(['heap', 'native']).default('heap'),
    })
    .optional(),
  stuckBatch: z.boolean().optional(),
});

/** No faults. */
export const NO_FAULTS: ServerFaults = { seed: 1 };

// The contract declares ServerFaults as plain types (it may not import zod); this line fails to
// compile if the schema's output and the contract's type ever part.
const _sameShape: [z.output<typeof serverFaultsSchema>, ServerFaults] extends [ServerFaults, z.output<typeof serverFaultsSchema>] ? true : never = true;
void _sameShape;
