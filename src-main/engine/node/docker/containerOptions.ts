/**
 * Every option a serving container is created with, from an allowlist: the limits a
 * resource profile may set (memory, CPUs, GPUs) and nothing else. No field of a scenario or of
 * the UI is ever passed through to Docker; the rest is fixed here: host networking (the engine
 * runs without a bridge, and the server binds 127.0.0.1), a read-only root with a small tmpfs,
 * no privileges, every capability dropped, no new privileges, a bounded number of processes.
 */
import type Docker from 'dockerode';
import { formatBytes } from '../../common/profiles/quantities';

/** The limits a resource profile may put on a container. */
export interface ContainerLimits {
  /** cgroup memory limit in bytes; swap is set to the same, so there is no swap to hide in. Null: none. */
  readonly memoryBytes: number | null;
  /** CPU quota in cores (NanoCpus). Null: none. */
  readonly cpus: number | null;
  /** GPUs through the NVIDIA device request: a count, or all. Null: none. */
  readonly gpus: number | 'all' | null;
}

/** No limits at all. */
export const NO_LIMITS: ContainerLimits = { memoryBytes: null, cpus: null, gpus: null };

/** Where the server may write (onnxruntime and Node may want a temp file); everything else is read-only. */
const TMPFS = { '/tmp': 'rw,noexec,nosuid,nodev,size=64m' };

/** The HostConfig of a serving container with these limits. */
export function hostConfigOf(limits: ContainerLimits): Docker.HostConfig {
  const config: Docker.HostConfig = {
    NetworkMode: 'host',
    ReadonlyRootfs: true,
    Tmpfs: TMPFS,
    Privileged: false,
    CapDrop: ['ALL'],
    SecurityOpt: ['no-new-privileges'],
    PidsLimit: 256,
    // Kept after it exits until its state (exit code, OOMKilled) is read; then removed.
    AutoRemove: false,
  };
  if (limits.memoryBytes !== null) {
    config.Memory = limits.memoryBytes;
    config.MemorySwap = limits.memoryBytes;
  }
  if (limits.cpus !== null) {
    config.NanoCpus = Math.round(limits.cpus * 1e9);
  }
  if (limits.gpus !== null) {
    config.DeviceRequests = [{ Driver: 'nvidia', Count: limits.gpus === 'all' ? -1 : limits.gpus, Capabilities: [['gpu']] }];
  }
  return config;
}

/** Docker's and Kubernetes' way of writing the limits, for people. */
export function describeLimits(limits: ContainerLimits): string {
  const parts = [
    limits.memoryBytes === null ? 'memory unlimited' : `memory ${formatBytes(limits.memoryBytes)} (swap off)`,
    limits.cpus === null ? 'CPUs unlimited' : `${limits.cpus} CPU${limits.cpus === 1 ? '' : 's'}`,
  ];
  if (limits.gpus !== null) {
    parts.push(`GPUs ${limits.gpus}`);
  }
  return parts.join(', ');
}
