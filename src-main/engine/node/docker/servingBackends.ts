/**
 * The load phase's serving port on this machine: a model server under a resource
 * profile, in a container (Docker backend: real cgroup limits) or as a child process (embedded
 * backend: only the batch and the intra-op threads follow the profile, memory is not capped).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { ProfileServer, ServingPort } from '../../common/ports/serving';
import type { HostCapacity } from '../../common/profiles/reproducibility';
import { startEmbeddedServer } from '../serving/embeddedServer';
import { serverOptions } from '../serving/serverOptions';
import { dockerStatus } from './dockerEngine';
import { startDockerServer } from './dockerServer';

/** Both backends; `socketPath` points the Docker one at another engine (tests: at none). */
export function servingBackends(options: { readonly socketPath?: string } = {}): ServingPort {
  return {
    dockerStatus: () => dockerStatus(options.socketPath),
    host: async () => hostCapacity(),
    async start(request, hooks): Promise<ProfileServer> {
      const embedded = request.backend === 'embedded';
      const server = serverOptions(request.modelPath, {
        maxBatch: request.maxBatch,
        maxQueueDelayMs: request.maxQueueDelayMs,
        timeoutMs: request.timeoutMs,
        ep: request.executionProvider,
        label: request.label,
        allowUnverified: request.allowUnverified,
        // Without a cgroup, a CPU limit is approximated by onnxruntime's threads.
        threads: embedded && request.limits.cpus !== null ? Math.max(1, Math.floor(request.limits.cpus)) : null,
      });
      if (embedded) {
        const running = await startEmbeddedServer(server, { onEvent: hooks.onEvent });
        return {
          url: running.url,
          image: null,
          memoryPeakBytes: async () => peakRss(running.pid),
          setFaults: (faults) => running.setFaults(faults),
          clearFaults: () => running.clearFaults(),
          stop: () => running.stop(),
        };
      }
      const running = await startDockerServer(server, request.limits, {
        ...(options.socketPath !== undefined ? { socketPath: options.socketPath } : {}),
        onEvent: hooks.onEvent,
        onProgress: hooks.onProgress,
      });
      const { image } = running;
      return {
        url: running.url,
        image: {
          tag: image.tag,
          id: image.id,
          sizeBytes: image.sizeBytes,
          built: image.built,
          baseImported: image.baseImported,
          durationMs: Math.round(image.durationMs),
          modelSha256: image.modelSha256,
          lockSha256: image.lockSha256,
        },
        memoryPeakBytes: () => running.memoryPeakBytes(),
        setFaults: (faults) => running.setFaults(faults),
        clearFaults: () => running.clearFaults(),
        stop: () => running.stop(),
      };
    },
  };
}

/** The process's peak resident memory (VmHWM), which is all an uncapped process can say. */
function peakRss(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** What this machine has: cores, memory, GPUs. */
export function hostCapacity(): HostCapacity {
  return { cpus: cpus().length, memoryBytes: totalmem(), gpus: gpuNames() };
}

/** GPU names from nvidia-smi; none when it is missing or finds nothing. */
function gpuNames(): string[] {
  try {
    return execFileSync('nvidia-smi', ['--query-gpu=name', '--format=csv,noheader'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  } catch {
    return [];
  }
}
