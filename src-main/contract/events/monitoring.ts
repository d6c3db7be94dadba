/**
 * Events of four-layer monitoring: the detection timeline. For every injected fault
 * (a replayed shift, or a model server fault during the load) when each layer of the seed's four
 * first alerted on it and how that delay compares with the layer's budget (the seed: layer 1 in
 * seconds, layer 2 in minutes, layer 3 in hours; layer 4 only confirms). Derived from the
 * replay's `shift.injected` and `shift.detected`, and from the load's `fault.injected`,
 * `fault.cleared` and layer 1 alerts; the alert timeline and the `monitoring-coverage` check
 * read them.
 */
import type { MonitoringLayer } from '../charts';
import type { ServerFaults } from './server';

/** A fault of the scenario's `faults` was set on the model server during the production load. */
export interface ServerFaultInjected {
  readonly kind: 'fault.injected';
  /** Its position in the scenario's `faults`. */
  readonly index: number;
  readonly name: string;
  /** The server it was set on (`blue@production`). */
  readonly label: string;
  /** The faults as set, a relative latency sized to ms. */
  readonly faults: ServerFaults;
  /** How a relative latency was sized from the baseline, or null. */
  readonly note: string | null;
  /** When the server confirmed it (wall clock, ISO), and that moment in ms after the load's start. */
  readonly from: string;
  readonly atMs: number;
}

/** The fault's time was up (or the load ended) and the server's faults were cleared. */
export interface ServerFaultCleared {
  readonly kind: 'fault.cleared';
  readonly index: number;
  readonly name: string;
  /** When it was set and when the server confirmed the clearing (wall clock, ISO); ms after the load's start. */
  readonly from: string;
  readonly to: string;
  readonly atMs: number;
}

/** One layer's answer to one fault. */
export interface LayerDetection {
  readonly layer: MonitoringLayer;
  /** The layer's budget in ms (event time for replayed shifts, real time for server faults); null for layer 4, which only confirms. */
  readonly budgetMs: number | null;
  /** When the layer first alerted on the fault (event time; wall clock for a server fault), or null when it never did. */
  readonly at: string | null;
  readonly delayMs: number | null;
  /** The rule that caught it first, and on what (`feature-psi blue distance`); null when nothing did. */
  readonly rule: string | null;
  /** caught within its budget, caught late, missed; `confirms` for a layer 4 catch (no budget). */
  readonly outcome: 'in-budget' | 'late' | 'missed' | 'confirms';
}

/** Where a fault came from. */
export type DetectedFaultSource = 'shift' | 'server-fault';

/** One injected fault and every layer's detection of it, appended once the phase that injected it ends. */
export interface FaultDetection {
  readonly kind: 'monitoring.detection';
  readonly source: DetectedFaultSource;
  /** Its position in the scenario's `shifts` (or `faults`). */
  readonly index: number;
  readonly name: string;
  /** When it began acting (event time; wall clock for a server fault). */
  readonly from: string;
  /** Layers 1-4, in order. */
  readonly layers: readonly LayerDetection[];
  /** True when no layer of 1-3 caught it within its budget: the seed's blind spot. */
  readonly blindSpot: boolean;
}
