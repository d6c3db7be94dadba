/**
 * The run event log: every run appends these, one JSON object a line, to events.jsonl.
 * Report, UI history and drills are derived from the log alone (DESIGN.md, "Contracts").
 * Each capability declares its event kinds in a file under `events/` and adds them to the union.
 */
import type { CheckResolved } from './events/checks';
import type { RunControlled } from './events/control';
import type { LockCompared, RuntimeParityMeasured } from './events/dependencies';
import type { FeatureParityMeasured, FeatureUnavailable, FreshnessMeasured, PointInTimeChecked } from './events/features';
import type {
  AlertFiring,
  AlertResolved,
  DriftWindow,
  LabelWindow,
  ReplayFinished,
  ReplayStarted,
  ShiftDetected,
  ShiftInjected,
  ShiftMissed,
} from './events/drift';
import type { FaultDetection, ServerFaultCleared, ServerFaultInjected } from './events/monitoring';
import type { ModelLoaded, ModelVerified, ProviderFallback } from './events/models';
import type { Progress } from './events/progress';
import type { ImageReady, LoadMeasured, ProfilesCompared } from './events/profiles';
import type { Notice, PhaseFinished, PhaseStarted, RunBackends, RunError, RunFinished, RunStarted } from './events/run';
import type {
  RolloutAborted,
  RolloutAnalysis,
  RolloutBaseline,
  RolloutCompatibility,
  RolloutFinished,
  RolloutPlanned,
  RolloutStep,
  RouterStarted,
  RouterStopped,
  RouterWeights,
} from './events/rollout';
import type { ScoreSummary } from './events/score';
import type { ServerCrashing, ServerFaultsChanged, ServerRefused, ServerStarted, ServerStopped } from './events/server';
import type { SnapshotOpened, SnapshotRejects } from './events/snapshots';

export type * from './events/checks';
export type * from './events/control';
export type * from './events/dependencies';
export type * from './events/features';
export type * from './events/drift';
export type * from './events/models';
export type * from './events/monitoring';
export type * from './events/progress';
export type * from './events/profiles';
export type * from './events/run';
export type * from './events/rollout';
export type * from './events/score';
export type * from './events/server';
export type * from './events/snapshots';

/** The fields every event carries, written first on its line. */
export interface EventEnvelope {
  /** 1, 2, 3, ... in the order events were appended. */
  readonly seq: number;
  /** Event time of the replay (the snapshot's clock, ISO 8601, no zone when the data has none), or null. */
  readonly eventTime: string | null;
  /** Real time when the event was appended (ISO 8601, UTC). */
  readonly wallTime: string;
}

/** Every event body; discriminated by `kind`. */
export type RunEventBody =
  | RunStarted
  | RunBackends
  | PhaseStarted
  | PhaseFinished
  | ModelVerified
  | ModelLoaded
  | ProviderFallback
  | SnapshotOpened
  | SnapshotRejects
  | ScoreSummary
  | CheckResolved
  | Notice
  | RunControlled
  | Progress
  | RunError
  | RunFinished
  | ServerStarted
  | ServerRefused
  | ServerFaultsChanged
  | ServerCrashing
  | ServerStopped
  | LockCompared
  | RuntimeParityMeasured
  | FeatureParityMeasured
  | PointInTimeChecked
  | FreshnessMeasured
  | FeatureUnavailable
  | ReplayStarted
  | ReplayFinished
  | DriftWindow
  | LabelWindow
  | AlertFiring
  | AlertResolved
  | ShiftInjected
  | ShiftDetected
  | ShiftMissed
  | FaultDetection
  | ServerFaultInjected
  | ServerFaultCleared
  | ProfilesCompared
  | ImageReady
  | LoadMeasured
  | RouterStarted
  | RouterWeights
  | RouterStopped
  | RolloutPlanned
  | RolloutCompatibility
  | RolloutBaseline
  | RolloutStep
  | RolloutAnalysis
  | RolloutAborted
  | RolloutFinished;

/** One line of events.jsonl. */
export type RunEvent = EventEnvelope & RunEventBody;

/** The body of the event of a given kind. */
export type EventOfKind<K extends RunEventBody['kind']> = Extract<RunEvent, { kind: K }>;
