/**
 * The run event log: every run appends these, one JSON object a line, to events.jsonl.
 * Report, UI history and drills are derived from the log alone (DESIGN.md, "Contracts").
 * Each capability adds its event kinds to `RunEventBody`.
 */
import type { CheckId, MachineInfo, ReadinessCheck, Verdict } from './report';

/** The fields every event carries, written first on its line. */
export interface EventEnvelope {
  /** 1, 2, 3, ... in the order events were appended. */
  readonly seq: number;
  /** Event time of the replay (the snapshot's clock, ISO 8601, no zone when the data has none), or null. */
  readonly eventTime: string | null;
  /** Real time when the event was appended (ISO 8601, UTC). */
  readonly wallTime: string;
}

/** The phases of a rehearsal, in order (DESIGN.md, "The shape of a rehearsal"). */
export type PhaseId = 'preflight' | 'score' | 'replay' | 'load' | 'rollout' | 'verdict';

/** An input or output of a model as its ONNX session declares it. */
export interface TensorInfo {
  readonly name: string;
  readonly type: string;
  /** Dimensions; a symbolic dimension is its name, an unknown one is null. */
  readonly dims: readonly (number | string | null)[];
}

/** One file of a model folder checked against its digest. */
export interface DigestCheck {
  readonly file: string;
  readonly expected: string | null;
  readonly actual: string | null;
}

export interface RunStarted {
  readonly kind: 'run.started';
  readonly runId: string;
  readonly scenario: { readonly name: string; readonly path: string; readonly description: string };
  readonly phases: readonly PhaseId[];
  /** Checks the scenario enables; the rest resolve as NOT RUN. */
  readonly enabledChecks: readonly CheckId[];
  readonly machine: MachineInfo;
  readonly versions: Readonly<Record<string, string>>;
}

export interface PhaseStarted {
  readonly kind: 'phase.started';
  readonly phase: PhaseId;
}

export interface PhaseFinished {
  readonly kind: 'phase.finished';
  readonly phase: PhaseId;
  readonly outcome: 'ok' | 'error' | 'skipped';
  readonly message?: string;
}

export interface ModelVerified {
  readonly kind: 'model.verified';
  readonly role: 'blue' | 'green';
  readonly name: string;
  readonly path: string;
  readonly verified: boolean;
  /** True when the user ran with --allow-unverified (recorded, never silent). */
  readonly allowUnverified: boolean;
  readonly files: readonly DigestCheck[];
  readonly message: string;
}

export interface ModelLoaded {
  readonly kind: 'model.loaded';
  readonly role: 'blue' | 'green';
  readonly name: string;
  readonly sha256: string;
  readonly requestedProvider: string;
  readonly executionProvider: string;
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
}

/** CUDA (or another provider) was asked for and could not be used; the run went on with CPU. */
export interface ProviderFallback {
  readonly kind: 'ep.fallback';
  readonly role: 'blue' | 'green';
  readonly requested: string;
  readonly used: string;
  readonly reason: string;
}

export interface SnapshotOpened {
  readonly kind: 'snapshot.opened';
  readonly role: string;
  readonly source: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly from: string | null;
  readonly to: string | null;
}

/** Rows a snapshot reader could not read: counted and reported, never dropped silently. */
export interface SnapshotRejects {
  readonly kind: 'snapshot.rejects';
  readonly role: string;
  readonly source: string;
  readonly rejected: number;
  readonly read: number;
  readonly examples: readonly { readonly file: string; readonly line: number | null; readonly message: string }[];
}

export interface ScoreSummary {
  readonly kind: 'score.summary';
  readonly role: 'blue' | 'green';
  readonly model: string;
  readonly source: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly n: number;
  /** Rows with a label; AUC and log loss are over these. */
  readonly labelled: number;
  readonly auc: number | null;
  readonly logLoss: number | null;
  readonly positiveRate: number | null;
  readonly meanPrediction: number | null;
  readonly quantiles: Readonly<Record<string, number>>;
}

export interface CheckResolved {
  readonly kind: 'check.resolved';
  readonly check: ReadinessCheck;
}

export interface Notice {
  readonly kind: 'notice';
  readonly level: 'info' | 'warn';
  readonly message: string;
}

export interface RunError {
  readonly kind: 'run.error';
  readonly phase: PhaseId | null;
  readonly message: string;
}

export interface RunFinished {
  readonly kind: 'run.finished';
  readonly verdict: Verdict;
  readonly durationMs: number;
}

/** Every event body; discriminated by `kind`. */
export type RunEventBody =
  | RunStarted
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
  | RunError
  | RunFinished;

/** One line of events.jsonl. */
export type RunEvent = EventEnvelope & RunEventBody;

/** The body of the event of a given kind. */
export type EventOfKind<K extends RunEventBody['kind']> = Extract<RunEvent, { kind: K }>;
