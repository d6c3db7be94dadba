/** Schemas of model verification and loading events (contract/events/models.ts). */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { list, maybeString, role } from './fields';

/** An input or output of a model as its ONNX session declares it. */
export const tensorInfo = z.strictObject({ name: z.string(), type: z.string(), dims: list(z.union([z.number(), z.string(), z.null()])) });

/** One file of a model folder checked against its digest. */
export const digestCheck = z.strictObject({ file: z.string(), expected: maybeString, actual: maybeString });

/** The model event kinds. */
export const MODEL_EVENTS = {
  'model.verified': z.strictObject({
    kind: z.literal('model.verified'),
    role,
    name: z.string(),
    path: z.string(),
    verified: z.boolean(),
    allowUnverified: z.boolean(),
    files: list(digestCheck),
    message: z.string(),
  }),
  'model.loaded': z.strictObject({
    kind: z.literal('model.loaded'),
    role,
    name: z.string(),
    sha256: z.string(),
    requestedProvider: z.string(),
    executionProvider: z.string(),
    inputs: list(tensorInfo),
    outputs: list(tensorInfo),
  }),
  'ep.fallback': z.strictObject({ kind: z.literal('ep.fallback'), role, requested: z.string(), used: z.string(), reason: z.string() }),
};

agree<SchemaOutputs<typeof MODEL_EVENTS>, ContractBodies<typeof MODEL_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
