/**
 * A resource profile as a rehearsal runs it: the limits its model server gets and how it
 * batches, from the scenario's `profiles` section (written out, or a Kubernetes Deployment).
 * Plain data (`contract/profiles.ts`); the load phase starts one server per profile with it.
 */
export type { ResourceProfile } from '../../../contract/profiles';
import type { ResourceProfile } from '../../../contract/profiles';
import { InputError } from '../run/inputError';
import type { ProfileSection, ProfilesSection } from '../scenario/sections/profiles';
import type { DeploymentSpec } from './deployment';

/** The model server's own defaults, for a profile that does not say. */
export const SERVING_DEFAULTS = { maxBatch: 32, maxQueueDelayMs: 2, timeoutMs: 100 } as const;

/** The two profiles a rehearsal compares, in the order they run. */
export const PROFILE_NAMES = ['staging', 'production'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** Both profiles of a `profiles` section; `deployments` holds every file it names, parsed, by path. */
export function resolveProfiles(section: ProfilesSection, deployments: Readonly<Record<string, DeploymentSpec>>): ResourceProfile[] {
  return PROFILE_NAMES.map((name) => resolveProfile(name, section[name], deployments));
}

function resolveProfile(name: string, section: ProfileSection, deployments: Readonly<Record<string, DeploymentSpec>>): ResourceProfile {
  const common = { name, backend: section.backend, executionProvider: section.executionProvider };
  if (section.deployment !== undefined) {
    const spec = deployments[section.deployment];
    if (spec === undefined) {
      throw new InputError(`profiles.${name}.deployment`, `the Deployment file ${section.deployment} was not read`);
    }
    return { ...common, ...profileOfDeployment(spec), deployment: spec.file };
  }
  return {
    ...common,
    memoryBytes: section.memory ?? null,
    cpus: section.cpus ?? null,
    gpus: section.gpus ?? null,
    gpuType: section.gpuType ?? null,
    maxBatch: section.maxBatch ?? SERVING_DEFAULTS.maxBatch,
    maxQueueDelayMs: section.queueDelay ?? SERVING_DEFAULTS.maxQueueDelayMs,
    timeoutMs: section.timeout ?? SERVING_DEFAULTS.timeoutMs,
    deployment: null,
  };
}

/**
 * The limits are what a container gets capped at; a request without a limit caps nothing (the
 * scheduler only reserves it), so it is not a limit here either.
 */
export function profileOfDeployment(spec: DeploymentSpec): Omit<ResourceProfile, 'name' | 'backend' | 'executionProvider' | 'deployment'> {
  return {
    memoryBytes: spec.limits.memoryBytes,
    cpus: spec.limits.cpus,
    gpus: spec.limits.gpus ?? spec.requests.gpus,
    gpuType: spec.gpuType,
    maxBatch: spec.maxBatch ?? SERVING_DEFAULTS.maxBatch,
    maxQueueDelayMs: spec.queueDelayMs ?? SERVING_DEFAULTS.maxQueueDelayMs,
    timeoutMs: spec.timeoutMs ?? SERVING_DEFAULTS.timeoutMs,
  };
}

/** A profile for a scenario with `load` but no `profiles`: the server's defaults, nothing capped. */
export function defaultProfile(name: string, backend: 'docker' | 'embedded'): ResourceProfile {
  return { name, memoryBytes: null, cpus: null, gpus: null, gpuType: null, ...SERVING_DEFAULTS, backend, executionProvider: 'cpu', deployment: null };
}
