/**
 * Events of the load phase under resource profiles: the profiles compared, each
 * serving image made ready, and one load result per profile (what the latency-vs-load chart,
 * the app's load panel, `load-sla` and `infrastructure-parity` read).
 */
import type { LoadResult } from '../load';
import type { ProfileDifference, ResourceProfile } from '../profiles';

/** The profiles the load runs under, how they differ, and what this machine cannot reproduce of them. */
export interface ProfilesCompared {
  readonly kind: 'profiles.compared';
  readonly profiles: readonly ResourceProfile[];
  readonly differences: readonly ProfileDifference[];
  /** One sentence per part of a profile this machine cannot reproduce (more CPUs than it has, a GPU type). */
  readonly notReproduced: readonly string[];
  /** The relative move of throughput, p99 or memory that counts (0.2 = 20%). */
  readonly bound: number;
}

/** A serving image is ready: built now, or found by its tag. */
export interface ImageReady {
  readonly kind: 'image.ready';
  readonly profile: string;
  readonly tag: string;
  readonly id: string;
  readonly sizeBytes: number;
  /** False when an image with this tag (these digests) was already there. */
  readonly built: boolean;
  readonly baseImported: boolean;
  readonly durationMs: number;
  readonly modelSha256: string;
  readonly lockSha256: string;
}

/** The load run under one profile, and how its server fared. */
export interface LoadMeasured {
  readonly kind: 'load.result';
  readonly profile: string;
  /** Where the server ran: a container with cgroup limits, or a child process (nothing capped but the batch). */
  readonly backend: 'docker' | 'embedded';
  /** The model the load was sent to (its role and name). */
  readonly model: string;
  /** The limits the server actually ran with (after fitting the profile to this machine). */
  readonly limits: { readonly memoryBytes: number | null; readonly cpus: number | null; readonly gpus: number | 'all' | null };
  readonly maxBatch: number;
  /** Null when the server never answered (refused, OOM-killed while loading, the engine refused the container). */
  readonly result: LoadResult | null;
  /** Whether the kernel OOM-killed the server's container; null under the embedded backend, where nothing caps memory. */
  readonly oomKilled: boolean | null;
  /** The most memory the server used during the run (the container's cgroup, or the process's peak RSS). */
  readonly peakMemoryBytes: number | null;
  /** How the server ended, for people (`stopped as asked`, `OOM-killed: ...`). */
  readonly serverEnd: string | null;
  /** Why there is no result. */
  readonly error: string | null;
}
