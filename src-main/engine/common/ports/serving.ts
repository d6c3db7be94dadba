/**
 * Ports of the load phase: model servers started under a resource profile on
 * either backend, and the load generator. engine/node supplies the real ones (a child process or
 * a container; `runLoad`), tests may supply in-memory ones.
 */
import type { ImageReady, RunEventBody, ServerFaults, ServerStopped } from '../../../contract/events';
import type { LoadResult } from '../../../contract/load';
import type { LoadPlan } from '../load/loadPlan';
import type { HostCapacity } from '../profiles/reproducibility';

/** A server to start: the model, where, and the limits it runs under. */
export interface ProfileServerRequest {
  readonly modelPath: string;
  /** Names the server in events (`blue@production`). */
  readonly label: string;
  readonly backend: 'docker' | 'embedded';
  readonly limits: { readonly memoryBytes: number | null; readonly cpus: number | null; readonly gpus: number | 'all' | null };
  readonly maxBatch: number;
  readonly maxQueueDelayMs: number;
  readonly timeoutMs: number;
  readonly executionProvider: 'cpu' | 'cuda';
  readonly allowUnverified: boolean;
}

/** A started server. */
export interface ProfileServer {
  readonly url: string;
  /** The serving image, under the Docker backend. */
  readonly image: Omit<ImageReady, 'kind' | 'profile'> | null;
  /** The most memory the server has used so far (cgroup, or peak RSS); null when it cannot be read. */
  memoryPeakBytes(): Promise<number | null>;
  /** Replaces its faults through the admin endpoint; resolves with the faults now in force. */
  setFaults(faults: ServerFaults): Promise<ServerFaults>;
  clearFaults(): Promise<ServerFaults>;
  /** Stops it (if it has not ended by itself) and says how it ended. */
  stop(): Promise<ServerStopped>;
}

/** How far along a long step is (an image build). */
export interface ServingProgress {
  readonly label: string;
  readonly done: number;
  readonly total: number | null;
  readonly unit: string;
}

/** What a server says while it starts and runs. */
export interface ServingHooks {
  onEvent(event: Extract<RunEventBody, { kind: `server.${string}` }>): void;
  onProgress(progress: ServingProgress): void;
}

/** Starts model servers on the embedded or the Docker backend. */
export interface ServingPort {
  /** Whether a Docker engine answers, and if not why. */
  dockerStatus(): Promise<{ readonly available: true } | { readonly available: false; readonly reason: string }>;
  /** What this machine has, to tell which parts of a profile it cannot reproduce. */
  host(): Promise<HostCapacity>;
  /** Resolves once the server answers; rejects with the reason when it never does. */
  start(request: ProfileServerRequest, hooks: ServingHooks): Promise<ProfileServer>;
}

/** What a caller is told while a load runs, on the schedule's own time (see `OpenLoopWatch`). */
export interface LoadHooks {
  /** The schedule's clock starts now (the bodies are ready). */
  onStart?(): void;
  /** The plan's `marksMs[index]` has come, `elapsedMs` after the start. */
  onMark?(index: number, elapsedMs: number): void;
}

/** The load generator. */
export interface LoadPort {
  run(plan: LoadPlan, hooks?: LoadHooks): Promise<LoadResult>;
}
