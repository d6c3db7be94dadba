/**
 * What a load run is asked to do, as plain data: the CLI builds one from its flags, a scenario's
 * `load` section from YAML (`loadPlanOf`), and the profiles and rollout phases from their own
 * settings. engine/node's `runLoad` carries it out.
 */
import type { LoadProtocol, LoadShape } from '../../../contract/load';
import type { PayloadRecords } from './payloadRecords';

/** Where request bodies come from. */
export type PayloadPlan =
  /** Numbers of the model's width, read from `GET /v2/models/{name}`: drawn from its published reference profile, else zeros. */
  | { readonly kind: 'numeric' }
  /**
   * Raw records of a snapshot file as `{"features": {...}}` (`rehearse load --payload-from`):
   * timestamps as wall-clock text, in event order or a seeded sample (`load/payloadRecords.ts`).
   */
  | {
      readonly kind: 'snapshot';
      readonly path: string;
      readonly order: 'event' | 'sampled';
      /** The event-time column; found by type when the snapshot has exactly one timestamp column. */
      readonly timestamp?: string;
    }
  /**
   * Raw records already read, with the event time of each: what a run's load sends, read from the
   * scenario's production window through the run's own snapshot.
   */
  | { readonly kind: 'records'; readonly records: PayloadRecords['records']; readonly eventTimes: readonly number[]; readonly description: string };

/** One load run. */
export interface LoadPlan {
  /** The server's base URL, e.g. http://127.0.0.1:8000. */
  readonly url: string;
  readonly protocol: LoadProtocol;
  /** The model to target; the server's first model when absent. */
  readonly modelName?: string;
  /** The target rate (the shape's highest), requests per second. */
  readonly rps: number;
  readonly shape: LoadShape;
  readonly durationMs: number;
  readonly slaMs: number;
  /** A request not answered this long after its planned time is a timeout (not sent by then, dropped). */
  readonly timeoutMs: number;
  /** Keep-alive connections; sized from the rate and SLA when absent (`connectionsFor`). */
  readonly connections?: number;
  readonly payload: PayloadPlan;
  readonly seed: number;
  /** Lateness p99 up to this still counts as on schedule; 10 ms when absent. */
  readonly scheduleToleranceMs?: number;
  /** Record per-interval measurements of this length in the result (`LoadResult.intervals`), for live alert rules. */
  readonly intervalMs?: number;
  /** Offsets from the schedule's start, ascending, at which the caller's `onMark` is told (faults start and end there). */
  readonly marksMs?: readonly number[];
}

/** The default timeout: ten times the SLA, and at least one second. */
export function defaultTimeoutMs(slaMs: number): number {
  return Math.max(1000, 10 * slaMs);
}
