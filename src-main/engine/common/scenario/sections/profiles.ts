/**
 * `profiles`: the resource profiles a rehearsal runs its load under (DESIGN.md, "The
 * shape of a rehearsal"): staging and production, each written out (memory, cpus, max batch,
 * queue delay, timeout, backend, execution provider) or read from the Kubernetes Deployment YAML
 * the team deploys with. `bound` is how far throughput, p99 or memory may move between them
 * before the difference matters (20% by default).
 */
import { z } from 'zod';
import { scenarioMemory } from '../../profiles/quantities';
import { durationMs } from '../values';

const memory = z.union([z.string(), z.number()]).transform((text, ctx) => {
  const parsed = scenarioMemory(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `expected ${parsed.expected}` });
    return z.NEVER;
  }
  return parsed.value;
});

/** Where the server runs: a container with real cgroup limits, or a child process (nothing capped but the batch). */
export const backendSchema = z.enum(['docker', 'embedded']);

/** Fields that a Deployment file supplies itself; written out only when there is none. */
const INLINE_ONLY = ['memory', 'cpus', 'gpus', 'gpuType', 'maxBatch', 'queueDelay', 'timeout'] as const;

/**
 * One profile: written out, or `deployment: file.yaml` (whose requests/limits, env and node
 * selector say the rest). One object rather than a union, so a typo is named as such.
 */
const profile = z
  .strictObject({
    /** docker when the engine answers; a run falls back to embedded (and says so) when it does not. */
    backend: backendSchema.default('docker'),
    executionProvider: z.enum(['cpu', 'cuda']).default('cpu'),
    /** A Kubernetes Deployment file, relative to the scenario. */
    deployment: z.string().min(1).optional(),
    /** The serving container of the Deployment, when the pod has more than one. */
    container: z.string().min(1).optional(),
    memory: memory.optional(),
    cpus: z.number().positive().max(1024).optional(),
    gpus: z.union([z.number().int().min(0).max(64), z.literal('all')]).optional(),
    /** The GPU model the nodes have (Kubernetes' `gpu-type` node selector). */
    gpuType: z.string().min(1).optional(),
    maxBatch: z.number().int().min(1).max(4096).optional(),
    queueDelay: durationMs.optional(),
    timeout: durationMs.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.deployment === undefined) {
      if (value.container !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['container'], message: 'names a container of a Deployment; expected it only beside deployment' });
      }
      return;
    }
    for (const key of INLINE_ONLY) {
      if (value[key] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `comes from the Deployment file (${value.deployment}); expected either deployment or the fields written out, not both`,
        });
      }
    }
  });

export const profilesSection = z.strictObject({
  staging: profile,
  production: profile,
  /** Relative move of throughput, p99 or peak memory between the profiles that counts: 0.2 is 20%. */
  bound: z.number().positive().max(10).default(0.2),
});

export type ProfilesSection = z.output<typeof profilesSection>;
export type ProfileSection = z.output<typeof profile>;
