/**
 * The rollout's real-time side: blue, green and blue's twin as model servers, warm for
 * the whole rehearsal, behind a router on 127.0.0.1. engine/node starts real processes
 * (`engine/node/rollout/serverRig.ts`); engine tests use an in-memory rig.
 */
import type { RouterPolicyInfo, RouteWeights, RunEventBody, ServerFaults } from '../../../contract/events';
import type { RawRecord } from '../features/rawRecord';
import type { Upstream } from '../rollout/routing';

/** What to start. */
export interface RigPlan {
  /** Model folders (or .onnx files) and the names events give them. */
  readonly blue: { readonly model: string; readonly label: string };
  readonly green: { readonly model: string; readonly label: string };
  /** Blue's twin for the noise floor: the same model with another batch size and thread count. */
  readonly twin: { readonly maxBatch: number; readonly threads: number };
  readonly maxBatch: number;
  /** The servers' own timeout (queue and inference); the router waits a little longer. */
  readonly timeoutMs: number;
  readonly executionProvider: 'cpu' | 'cuda';
  readonly allowUnverified: boolean;
  readonly policy: RouterPolicyInfo;
  /** Seeds the router's weighted draws. */
  readonly seed: number;
}

/** One request to send through the router. */
export interface OutgoingRequest {
  readonly record: RawRecord;
  /** The sticky key, sent as the policy's sticky header. */
  readonly key: string | null;
  /** Extra request headers (the header override). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** How an upstream answered one request, measured at the router. */
export interface UpstreamAnswer {
  readonly status: number;
  readonly outcome: 'ok' | 'error' | 'timeout';
  readonly ms: number;
  /** P(positive) from the answer, or null when it had none. */
  readonly prediction: number | null;
}

/** What became of one request, joined from the client's view and the router's record. */
export interface RoutedRequest {
  /** The side that served it; null when the router itself could not be reached. */
  readonly side: 'blue' | 'green' | null;
  readonly reason: 'header' | 'shadow' | 'sticky' | 'weight' | null;
  /** The status the client got (0: no answer at all). */
  readonly status: number;
  /** From the planned send time to the answer, at the client (coordinated omission corrected). */
  readonly clientMs: number;
  /** Real time the client sent it, on the rig's monotonic clock (ms). */
  readonly sentAt: number;
  /** The served side's answer as the router saw it; null when the router was not reached. */
  readonly served: UpstreamAnswer | null;
  /** Copies: green's in shadow mode, the other upstreams' with comparison on. */
  readonly copies: Readonly<Partial<Record<Upstream, UpstreamAnswer>>>;
}

/** The events a rig reports: its servers' and its router's. */
export type RigEvent = Extract<RunEventBody, { kind: `server.${string}` | `router.${string}` }>;

/** A running rig. */
export interface RunningRig {
  readonly routerUrl: string;
  /**
   * Changes the weights through the router's admin endpoint and resolves once the router
   * confirmed them. Changes apply in the order they were asked for, so a later one (an abort)
   * always lands after an earlier one still on its way; while the router restarts, it waits.
   */
  setWeights(weights: RouteWeights, reason: string): Promise<RouteWeights>;
  /**
   * Sends the requests through the router at `rate` a second (open loop: each at its planned time
   * whatever earlier ones are doing) and resolves, in request order, when each has ended, copies
   * included. `onAnswer` hears each answer as it comes (without its copies yet), so a gate can
   * act while the rest is still being sent.
   */
  send(requests: readonly OutgoingRequest[], rate: number, onAnswer?: (index: number, answer: RoutedRequest) => void): Promise<RoutedRequest[]>;
  /** Replaces green's injected faults. */
  setGreenFaults(faults: ServerFaults): Promise<ServerFaults>;
  /** Stops green after `delayMs` of real time (it stays warm meanwhile); a second call changes nothing. */
  stopGreenLater(delayMs: number): void;
  /** Blue's readiness probes so far. */
  blueProbes(): { readonly total: number; readonly failed: number };
  /** Stops everything; waits for a pending delayed stop of green first. */
  close(): Promise<void>;
}

/** Starts rigs. */
export interface RolloutRig {
  start(plan: RigPlan, onEvent: (event: RigEvent) => void): Promise<RunningRig>;
}
