/** Progress of long work (loading a snapshot, scoring it, building an image): what, and how far along. */
import type { EventTimeRange } from '../charts';
import type { PhaseId } from './run';

/**
 * One step of a task. A task starts with `done: 0` and ends with `done === total` (or with its
 * phase's end when `total` is null). Emitted at most about fifty times per task, so a long run's
 * log stays small.
 */
export interface Progress {
  readonly kind: 'progress';
  /** Stable id of the task within the run, e.g. `score.production`, `docker.build.blue`. */
  readonly task: string;
  readonly phase: PhaseId | null;
  /** What is happening, for people: `Scoring production rows through blue`. */
  readonly label: string;
  readonly done: number;
  /** How much there is in all; null when not known ahead. */
  readonly total: number | null;
  /** What `done` and `total` count: `rows`, `bytes`, `layers`, `steps`. */
  readonly unit: string;
  /** The stretch of event time the task covers, when it works through event time. */
  readonly range?: EventTimeRange;
}
