/**
 * Events of a model server. The server writes them as JSON lines on its standard output;
 * whoever started it (the `serve` command, a rehearsal phase) reads them and may append them to
 * the run's log as they are.
 */
import type { DigestCheck, TensorInfo } from './models';

/** Added latency: a fixed delay, or a seeded sample from a distribution, per batch. */
export type LatencyFault =
  | { readonly distribution: 'fixed'; readonly ms: number }
  | { readonly distribution: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly distribution: 'normal'; readonly meanMs: number; readonly sdMs: number }
  | { readonly distribution: 'lognormal'; readonly medianMs: number; readonly sigma: number }
  | { readonly distribution: 'exponential'; readonly meanMs: number };

/** The faults a model server injects; an absent key is a fault that is off. */
export interface ServerFaults {
  /** Seeds the latency samples and the error draws, so a rehearsal replays the same faults. */
  readonly seed: number;
  readonly latency?: LatencyFault;
  /** Share of requests answered 500 after their batch ran. */
  readonly errorRate?: number;
  /** The process exits (code 70) on the request after the first `afterRequests`, or `afterMs` after the fault is set. */
  readonly crash?: { readonly afterRequests?: number; readonly afterMs?: number };
  /** Memory kept and never freed on every request: V8 heap (counts against --heap-mb) or native. */
  readonly memoryGrowth?: { readonly bytesPerRequest: number; readonly space: 'heap' | 'native' };
  /** Every batch dispatched while this is on hangs until the fault is cleared. */
  readonly stuckBatch?: boolean;
}

/** Who changed the faults. */
export type FaultSource = 'start' | 'admin';

/** The server answers: its model, where, and how it batches. */
export interface ServerStarted {
  readonly kind: 'server.started';
  /** A name for the server in a log with several (blue, green); the model name by default. */
  readonly label: string;
  readonly url: string;
  readonly pid: number;
  readonly model: {
    readonly name: string;
    readonly version: string;
    readonly path: string;
    readonly sha256: string;
    readonly inputs: readonly TensorInfo[];
    readonly outputs: readonly TensorInfo[];
    /** The feature spec that turns raw records into inputs, or null (numeric and OIP input only). */
    readonly featureSpec: string | null;
  };
  readonly verified: boolean;
  /** True when the server runs a model whose digests did not match (recorded, never silent). */
  readonly allowUnverified: boolean;
  readonly digestMessage: string;
  readonly requestedProvider: string;
  readonly executionProvider: string;
  readonly fallbackReason: string | null;
  readonly maxBatch: number;
  readonly maxQueueDelayMs: number;
  readonly timeoutMs: number;
  /** The V8 heap limit the process runs under, in MiB, or null for V8's default. */
  readonly heapMb: number | null;
}

/** The server would not start: a digest mismatch or a missing digest, without --allow-unverified. */
export interface ServerRefused {
  readonly kind: 'server.refused';
  readonly label: string;
  readonly path: string;
  readonly message: string;
  readonly files: readonly DigestCheck[];
}

/** The injected faults changed (at start or through the admin endpoint). */
export interface ServerFaultsChanged {
  readonly kind: 'server.faults';
  readonly label: string;
  readonly source: FaultSource;
  readonly faults: ServerFaults;
  readonly previous: ServerFaults | null;
}

/** An injected crash fired; the process exits right after writing this. */
export interface ServerCrashing {
  readonly kind: 'server.crashing';
  readonly label: string;
  readonly reason: string;
  readonly requests: number;
}

/** The server process ended, as its parent saw it. */
export interface ServerStopped {
  readonly kind: 'server.stopped';
  readonly label: string;
  /** True when it was asked to stop; false for a crash, an OOM kill or any other exit. */
  readonly requested: boolean;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly message: string;
  /** Docker backend only: the kernel's OOM killer ended it at the container's memory limit (`State.OOMKilled`). */
  readonly oomKilled?: boolean;
}
