/**
 * What this machine cannot reproduce of a profile: more CPUs or memory than it has, a
 * GPU when it has none, a GPU type it does not have. Such a difference is run as closely as the
 * machine allows and reported as not reproduced, a WARN, never passed in silence.
 */
import { formatBytes } from './quantities';
import type { ResourceProfile } from './resourceProfile';

/** What this machine has. */
export interface HostCapacity {
  readonly cpus: number;
  readonly memoryBytes: number;
  /** GPU names (nvidia-smi's), empty without one. */
  readonly gpus: readonly string[];
}

/** How a profile runs here: its limits, cut to what the machine has, and what had to be cut. */
export interface ProfileOnHost {
  readonly cpus: number | null;
  readonly memoryBytes: number | null;
  readonly gpus: number | 'all' | null;
  /** One sentence per part not reproduced. */
  readonly notReproduced: readonly string[];
}

/** Fits a profile to this machine and says what does not fit. */
export function profileOnHost(profile: ResourceProfile, host: HostCapacity): ProfileOnHost {
  const notReproduced: string[] = [];
  let cpus = profile.cpus;
  if (cpus !== null && cpus > host.cpus) {
    notReproduced.push(`${profile.name} has a limit of ${cpus} CPUs and this machine has ${host.cpus}: it runs with ${host.cpus}`);
    cpus = host.cpus;
  }
  let memoryBytes = profile.memoryBytes;
  if (memoryBytes !== null && memoryBytes > host.memoryBytes) {
    notReproduced.push(
      `${profile.name} has a memory limit of ${formatBytes(memoryBytes)} and this machine has ${formatBytes(host.memoryBytes)}: it runs with no more than the machine has`,
    );
    memoryBytes = null;
  }
  const wantsGpu = profile.gpus !== null && profile.gpus !== 0;
  let gpus = profile.gpus;
  if (wantsGpu && host.gpus.length === 0) {
    notReproduced.push(
      `${profile.name} asks for ${profile.gpus === 'all' ? 'all' : profile.gpus} GPU${profile.gpus === 1 ? '' : 's'} and this machine has none: it runs on CPU`,
    );
    gpus = null;
  }
  if (profile.gpuType !== null && !host.gpus.some((name) => name.toLowerCase().includes(profile.gpuType!.toLowerCase()))) {
    notReproduced.push(
      `${profile.name} is pinned to GPU type ${profile.gpuType} and this machine has ${host.gpus.length === 0 ? 'no GPU' : host.gpus.join(', ')}`,
    );
  }
  if (profile.executionProvider === 'cuda' && host.gpus.length === 0) {
    notReproduced.push(`${profile.name} runs on CUDA and this machine has no GPU: onnxruntime falls back to CPU`);
  }
  return { cpus, memoryBytes, gpus, notReproduced };
}
