/** Schemas of the report shapes events carry (contract/report.ts): a resolved check, the machine. */
import { z } from 'zod';
import type { MachineInfo, ReadinessCheck } from '../../../../contract/report';
import { CHECK_IDS } from '../../checks/catalog';
import { agree, type Output } from '../agreement';
import { list, role } from '../fields';

/** The seven checks. */
export const checkId = z.enum(CHECK_IDS);

/** A check's status. */
export const checkStatus = z.enum(['PASS', 'WARN', 'FAIL', 'ERROR', 'NOT RUN']);

/** The run's verdict. */
export const verdict = z.enum(['READY', 'NOT READY']);

const evidenceItem = z.strictObject({
  label: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  unit: z.string().optional(),
  n: z.number().optional(),
  key: z.string().optional(),
  role: role.optional(),
});

/** A resolved readiness check. */
export const readinessCheck = z.strictObject({
  id: checkId,
  title: z.string(),
  status: checkStatus,
  observed: z.string(),
  threshold: z.string(),
  evidence: list(evidenceItem),
  next: z.string(),
});

/** The machine a run happened on. */
export const machineInfo = z.strictObject({
  platform: z.string(),
  arch: z.string(),
  cpus: z.number(),
  cpuModel: z.string(),
  memoryBytes: z.number(),
  node: z.string(),
});

agree<Output<typeof readinessCheck>, ReadinessCheck>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
agree<Output<typeof machineInfo>, MachineInfo>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
