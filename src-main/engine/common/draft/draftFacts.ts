/**
 * What `rehearse init` reads before it chooses anything: each model's inputs and card, and the
 * snapshot's columns, time grain and rows per hour. Plain data, read by the node side, so the
 * choosing is pure and tested without files.
 */
import type { TensorInfo } from '../../../contract/events';

/** The finest unit every event time is a whole multiple of. */
export type TimeGrain = 'day' | 'hour' | 'minute' | 'second' | 'sub-second';

/** One model, as its folder describes it. */
export interface ModelFacts {
  readonly role: 'blue' | 'green';
  /** The path to write in the scenario (relative to the scenario file). */
  readonly path: string;
  readonly name: string;
  readonly inputs: readonly TensorInfo[];
  readonly featureOrder?: readonly string[];
  readonly featureSpec?: string;
  /** The raw fields the feature spec's SQL reads, when it names one. */
  readonly specFields?: readonly string[];
  /** The raw fields the card's declared pipelines receive, when it declares them (`pipeline.fields`). */
  readonly pipelineFields?: readonly string[];
  /** The card's training window, event-time ms [from, to). */
  readonly trainingWindow?: { readonly from: number; readonly to: number };
  /** The card's label expression. */
  readonly label?: string;
  /** `--features` (or `--green-features`): the columns of an unnamed matrix input, in order. */
  readonly features?: readonly string[];
}

/** Rows in one hour of event time. */
export interface HourCount {
  /** The hour's start, event-time ms. */
  readonly hour: number;
  readonly rows: number;
}

/** The snapshot, as DuckDB reads it. */
export interface SnapshotFacts {
  /** The path to write in the scenario (relative to the scenario file). */
  readonly path: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly timestamp: string;
  /** Why that column is the event time. */
  readonly timestampReason: string;
  readonly grain: TimeGrain;
  readonly rows: number;
  /** Rows per hour, ascending, hours without rows left out. */
  readonly hours: readonly HourCount[];
}

/** What the user asked for on the command line. */
export interface DraftRequest {
  readonly label?: string;
  /** `--reference from..to`, event-time ms. */
  readonly reference?: { readonly from: number; readonly to: number };
}

/** One decision, with its reason: printed, written as a YAML comment, and in `--json`. */
export interface DraftChoice {
  /** The scenario field it sets (`alerts.drift.window`). */
  readonly field: string;
  /** The value as written in the scenario. */
  readonly value: string;
  readonly reason: string;
}
