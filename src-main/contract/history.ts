/**
 * Earlier runs as the history and the comparison show them: one line per run folder, and two runs
 * side by side (checks that changed, figures that moved, the same lanes on one axis). Plain data,
 * derived by the engine from each run's events.jsonl.
 */
import type { PhaseId } from './events/run';
import type { CheckId, CheckStatus, Verdict } from './report';

/** Where a what-if run came from: the run it changed one thing of, and what it reran. */
export interface WhatIfOrigin {
  /** The run it came from. */
  readonly from: string;
  readonly profile: string;
  /** Each knob changed, with the value it was given (`memory: 512Mi`). */
  readonly changes: Readonly<Record<string, string>>;
  /** The phases run again, and the checks carried from the original as they were. */
  readonly rerun: readonly PhaseId[];
  readonly carried: readonly CheckId[];
}

/** One run in the runs folder. */
export interface RunSummary {
  readonly runId: string;
  /** The run's folder. */
  readonly folder: string;
  readonly scenario: string;
  /** When it started (wall clock, ISO 8601); null for a damaged run. */
  readonly startedAt: string | null;
  /** Null while it runs, when it was cut short, or when the log is damaged. */
  readonly verdict: Verdict | null;
  readonly durationMs: number | null;
  /** False when the log stops before the verdict (a run killed or still going). */
  readonly complete: boolean;
  /** Why the run's log cannot be read; null when it can. */
  readonly damaged: string | null;
  readonly whatIf: WhatIfOrigin | null;
}

/** A check before and after. */
export interface CheckChange {
  readonly id: CheckId;
  readonly title: string;
  readonly before: CheckStatus;
  readonly after: CheckStatus;
  readonly changed: boolean;
}

/** A figure of a check's evidence that differs between the two runs. */
export interface MovedFigure {
  readonly check: CheckId;
  readonly label: string;
  readonly before: string | number | boolean | null;
  readonly after: string | number | boolean | null;
  readonly unit?: string;
}

/** One point of a lane: an event time (drift, traffic, rollout latency) or a request rate (latency under load) and its value. */
export interface LanePoint {
  readonly x: string | number;
  readonly y: number;
}

/** The same lane of both runs, on one axis. */
export interface ComparedLane {
  readonly lane: 'drift' | 'latency' | 'load' | 'traffic';
  readonly title: string;
  /** What x is: an event time, or requests per second. */
  readonly axis: 'event-time' | 'rps';
  readonly unit: string;
  readonly series: readonly { readonly name: string; readonly run: 'before' | 'after'; readonly points: readonly LanePoint[] }[];
  /** Why neither run has this lane; null when at least one has it. */
  readonly notMeasured: string | null;
}

/** Two runs side by side. */
export interface RunComparison {
  readonly before: RunSummary;
  readonly after: RunSummary;
  readonly checks: readonly CheckChange[];
  readonly figures: readonly MovedFigure[];
  readonly lanes: readonly ComparedLane[];
}
