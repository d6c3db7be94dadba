/** Schemas of progress events (contract/events/progress.ts). */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { eventTimeRange } from './parts/charts';
import { phaseId } from './run';

/** The progress event kinds. */
export const PROGRESS_EVENTS = {
  progress: z.strictObject({
    kind: z.literal('progress'),
    task: z.string(),
    phase: phaseId.nullable(),
    label: z.string(),
    done: z.number(),
    total: z.number().nullable(),
    unit: z.string(),
    range: eventTimeRange.optional(),
  }),
};

agree<SchemaOutputs<typeof PROGRESS_EVENTS>, ContractBodies<typeof PROGRESS_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
