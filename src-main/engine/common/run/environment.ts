/**
 * What a run needs besides its scenario, in two parts kept apart: the ports it talks to the world
 * through (engine/node supplies the real adapters, tests in-memory ones), and its options, plain
 * data a face sets (the CLI's flags, the app's choices).
 */
import type { MachineInfo } from '../../../contract/report';
import type { Clock } from '../ports/clock';
import type { FeaturePipelines } from '../ports/featurePipelines';
import type { LockStore } from '../ports/locks';
import type { ModelStore } from '../ports/models';
import type { RolloutRig } from '../ports/rolloutRig';
import type { RuntimeStore } from '../ports/runtimes';
import type { LoadPort, ServingPort } from '../ports/serving';
import type { SnapshotStore } from '../ports/snapshot';

/** Everything a run reads from or starts in the outside world (docs/ARCHITECTURE.md, "Ports"). */
export interface RunPorts {
  readonly clock: Clock;
  readonly models: ModelStore;
  /** Each model's feature pipelines (training SQL and serving code), from outside the core. */
  readonly features: FeaturePipelines;
  readonly snapshots: SnapshotStore;
  readonly locks: LockStore;
  readonly runtimes: RuntimeStore;
  /** Model servers under resource profiles and the load generator: the load phase needs both. */
  readonly serving?: ServingPort;
  readonly load?: LoadPort;
  /** Model servers behind a router for the rollout phase; a face without one cannot rehearse a rollout. */
  readonly rollout?: RolloutRig;
}

/** How a run is asked to go: plain data, recorded in `run.started` or acted on by the phases. */
export interface RunOptions {
  readonly runId: string;
  readonly machine: MachineInfo;
  readonly versions: Readonly<Record<string, string>>;
  /** The execution provider asked for (CLI flag, UI choice). */
  readonly executionProvider: 'cpu' | 'cuda';
  /** Run models whose digests do not match or are missing; recorded in the log. */
  readonly allowUnverified: boolean;
  /** The backend a person chose (`--backend`, the app) for every profile; each profile's own when absent. */
  readonly backend?: 'embedded' | 'docker';
  /** The profile a person chose: names the one profile of a scenario that has `load` but no `profiles`. */
  readonly profile?: 'staging' | 'production';
  /** Notices recorded right after `run.started`, e.g. what the run does with a choice it was given. */
  readonly notices?: readonly string[];
}
