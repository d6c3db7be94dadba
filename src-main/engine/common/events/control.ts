/** Schemas of run control (contract/events/control.ts): the commands a person gives a running rehearsal. */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';

/** How fast event time passes against real time. */
export const runSpeed = z.literal([1, 10, 100, 1000, 'max']);

/** A command to a run. */
export const runCommand = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pause') }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('step') }),
  z.strictObject({ kind: z.literal('speed'), speed: runSpeed }),
  z.strictObject({ kind: z.literal('promote') }),
  z.strictObject({ kind: z.literal('rollback'), reason: z.string().optional() }),
  z.strictObject({ kind: z.literal('stop') }),
]);

/** The run control event kinds. */
export const CONTROL_EVENTS = {
  'run.control': z.strictObject({
    kind: z.literal('run.control'),
    command: runCommand,
    effect: z.enum(['applied', 'queued', 'recorded', 'ignored']),
    note: z.string(),
  }),
};

agree<SchemaOutputs<typeof CONTROL_EVENTS>, ContractBodies<typeof CONTROL_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
