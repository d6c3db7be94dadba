/** Schemas of the run spine's events (contract/events/run.ts): start, phases, notices, errors, the end. */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { list } from './fields';
import { checkId, machineInfo, verdict } from './parts/report';

/** The phases of a rehearsal. */
export const phaseId = z.enum(['preflight', 'score', 'replay', 'load', 'rollout', 'verdict']);

const backendName = z.enum(['docker', 'embedded']);

/** The run spine's event kinds. */
export const RUN_EVENTS = {
  'run.started': z.strictObject({
    kind: z.literal('run.started'),
    runId: z.string(),
    scenario: z.strictObject({ name: z.string(), path: z.string(), description: z.string() }),
    phases: list(phaseId),
    enabledChecks: list(checkId),
    machine: machineInfo,
    versions: z.record(z.string(), z.string()),
    whatIf: z
      .strictObject({
        from: z.string(),
        profile: z.string(),
        changes: z.record(z.string(), z.string()),
        rerun: list(phaseId),
        carried: list(checkId),
      })
      .optional(),
  }),
  'phase.started': z.strictObject({ kind: z.literal('phase.started'), phase: phaseId }),
  'phase.finished': z.strictObject({
    kind: z.literal('phase.finished'),
    phase: phaseId,
    outcome: z.enum(['ok', 'error', 'skipped']),
    message: z.string().optional(),
  }),
  notice: z.strictObject({ kind: z.literal('notice'), level: z.enum(['info', 'warn']), message: z.string() }),
  'run.error': z.strictObject({ kind: z.literal('run.error'), phase: phaseId.nullable(), message: z.string() }),
  'run.finished': z.strictObject({ kind: z.literal('run.finished'), verdict, durationMs: z.number() }),
  'run.backends': z.strictObject({
    kind: z.literal('run.backends'),
    docker: z.strictObject({ available: z.boolean(), reason: z.string().nullable() }).nullable(),
    profiles: list(z.strictObject({ profile: z.string(), wanted: backendName, backend: backendName })),
    serving: backendName,
  }),
};

agree<SchemaOutputs<typeof RUN_EVENTS>, ContractBodies<typeof RUN_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
