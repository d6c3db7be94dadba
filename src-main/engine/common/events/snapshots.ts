/** Schemas of snapshot reading's events (contract/events/snapshots.ts). */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { list, timeText } from './fields';

/** A row a reader could not read, where it is and why. */
export const rejectExample = z.strictObject({ file: z.string(), line: z.number().nullable(), message: z.string() });

/** The snapshot event kinds. */
export const SNAPSHOT_EVENTS = {
  'snapshot.opened': z.strictObject({
    kind: z.literal('snapshot.opened'),
    role: z.string(),
    source: z.string(),
    columns: list(z.strictObject({ name: z.string(), type: z.string() })),
    from: timeText.nullable(),
    to: timeText.nullable(),
  }),
  'snapshot.rejects': z.strictObject({
    kind: z.literal('snapshot.rejects'),
    role: z.string(),
    source: z.string(),
    rejected: z.number(),
    read: z.number(),
    examples: list(rejectExample),
  }),
};

agree<SchemaOutputs<typeof SNAPSHOT_EVENTS>, ContractBodies<typeof SNAPSHOT_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
