/** Schemas of the readiness check events (contract/events/checks.ts). */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { readinessCheck } from './parts/report';

/** The check event kinds. */
export const CHECK_EVENTS = {
  'check.resolved': z.strictObject({ kind: z.literal('check.resolved'), check: readinessCheck }),
};

agree<SchemaOutputs<typeof CHECK_EVENTS>, ContractBodies<typeof CHECK_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
