/** Schemas of the dependency check's events (contract/events/dependencies.ts): locks compared, runtimes compared. */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { list, maybeNumber, maybeString, role } from './fields';

const lockProblemKind = z.enum(['unpinned', 'range', 'mismatch', 'missing']);
const lockSideView = z.strictObject({ spec: z.string(), at: z.string() });

const lockSummary = z.strictObject({
  file: z.string(),
  format: z.enum(['requirements', 'package-lock', 'conda']),
  packages: z.number(),
  notes: list(z.string()),
});

/** The outcome of comparing two locks. */
export const lockComparison = z.strictObject({
  training: lockSummary,
  serving: lockSummary,
  compared: z.number(),
  problems: list(
    z.strictObject({
      package: z.string(),
      kind: lockProblemKind,
      training: lockSideView.nullable(),
      serving: lockSideView.nullable(),
      detail: z.string(),
    }),
  ),
  counts: z.record(lockProblemKind, z.number()),
  failed: z.boolean(),
});

const scorePair = z.strictObject({ row: z.number(), reference: maybeNumber, candidate: maybeNumber });

const runtimeComparison = z.strictObject({
  rows: z.number(),
  maxAbsDiff: z.number(),
  meanAbsDiff: z.number(),
  flips: z.number(),
  flipRate: z.number(),
  nonFinite: z.number(),
  worst: scorePair.nullable(),
  flipExamples: list(scorePair),
  reference: z.string(),
  candidate: z.string(),
  passed: z.boolean(),
});

/** The parity of every runtime of one model with the first. */
export const runtimeParityResult = z.strictObject({
  model: z.string(),
  threshold: z.number(),
  flipTolerance: z.number(),
  rows: z.number(),
  comparisons: list(runtimeComparison),
  passed: z.boolean(),
});

/** The dependency event kinds. */
export const DEPENDENCY_EVENTS = {
  'lock.compared': z.strictObject({
    kind: z.literal('lock.compared'),
    role,
    model: z.string(),
    backend: z.string(),
    comparison: lockComparison.nullable(),
    unavailable: maybeString,
  }),
  'runtime.parity': z.strictObject({
    kind: z.literal('runtime.parity'),
    role,
    model: z.string(),
    result: runtimeParityResult.nullable(),
    unavailable: maybeString,
  }),
};

agree<SchemaOutputs<typeof DEPENDENCY_EVENTS>, ContractBodies<typeof DEPENDENCY_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
