/**
 * Applies the injected faults in the server process. What happens is decided by the
 * pure `faultState`; this module does it: holds batches for the added latency or until a stuck
 * batch is released, keeps leaked memory, arms the timed crash, and logs every change (a line on
 * stderr and a `server.faults` event).
 */
import type { FaultSource, ServerCrashing, ServerFaults, ServerFaultsChanged } from '../../../contract/events';
import type { Clock } from '../../common/ports/clock';
import type { Scheduler } from '../../common/ports/scheduler';
import { describeFaults, faultState, type FaultState } from '../../common/serving/faultState';
import type { ServerMetrics } from './metrics';

/** The exit code of an injected crash. */
export const CRASH_EXIT_CODE = 70;

/** What the injector needs from the process. */
export interface FaultEffects {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly metrics: ServerMetrics;
  readonly label: string;
  /** A line for a person (stderr). */
  log(line: string): void;
  /** A structured event for the rehearsal (stdout). */
  emit(event: ServerFaultsChanged | ServerCrashing): void;
  /** Ends the process at once. */
  crash(reason: string): never;
}

/** The faults of a running server. */
export interface FaultInjector {
  readonly faults: ServerFaults;
  readonly requests: number;
  set(faults: ServerFaults, source: FaultSource): void;
  /** A request arrived (after it was parsed): may crash the process, leaks memory. */
  arrive(): void;
  /** Waits as the faults say before a batch runs. */
  beforeBatch(): Promise<void>;
  drawError(): boolean;
  close(): void;
}

/** An injector with no faults set. */
export function faultInjector(effects: FaultEffects, initial: ServerFaults): FaultInjector {
  const { clock, scheduler, metrics } = effects;
  let state: FaultState = faultState(initial, clock.monotonic());
  let cancelCrash: (() => void) | null = null;
  let releaseStuck: (() => void) | null = null;
  let stuck: Promise<void> | null = null;
  const leaked: { heap: number[][]; native: Buffer[]; bytes: { heap: number; native: number } } = { heap: [], native: [], bytes: { heap: 0, native: 0 } };

  const crash = (reason: string): never => {
    effects.log(`fault: ${reason}; exiting with code ${CRASH_EXIT_CODE}`);
    effects.emit({ kind: 'server.crashing', label: effects.label, reason, requests: state.requests });
    return effects.crash(reason);
  };

  const apply = (faults: ServerFaults): void => {
    cancelCrash?.();
    cancelCrash = null;
    state = faultState(faults, clock.monotonic());
    if (state.crashAt !== null) {
      cancelCrash = scheduler.schedule(Math.max(0, state.crashAt - clock.monotonic()), () =>
        crash(`injected crash ${faults.crash?.afterMs} ms after the fault was set`),
      );
    }
    if (faults.stuckBatch && stuck === null) {
      stuck = new Promise<void>((resolve) => (releaseStuck = resolve));
    } else if (!faults.stuckBatch && releaseStuck !== null) {
      releaseStuck();
      releaseStuck = null;
      stuck = null;
    }
    if (!faults.memoryGrowth) {
      // Clearing the fault frees what it kept, as a restart would, so a rehearsal can recover.
      leaked.heap = [];
      leaked.native = [];
      leaked.bytes = { heap: 0, native: 0 };
    }
    metrics.leakedBytes.set({ space: 'heap' }, leaked.bytes.heap);
    metrics.leakedBytes.set({ space: 'native' }, leaked.bytes.native);
    for (const fault of ['latency', 'errorRate', 'crash', 'memoryGrowth', 'stuckBatch'] as const) {
      metrics.faultActive.set({ fault }, faults[fault] !== undefined && faults[fault] !== false ? 1 : 0);
    }
  };
  apply(initial);

  return {
    get faults() {
      return state.faults;
    },
    get requests() {
      return state.requests;
    },
    set(faults, source) {
      const previous = state.faults;
      apply(faults);
      effects.log(`faults (${source}): ${describeFaults(faults)}`);
      effects.emit({ kind: 'server.faults', label: effects.label, source, faults, previous });
    },
    arrive() {
      const decision = state.arrive(clock.monotonic());
      if (decision.crash !== null) {
        crash(decision.crash);
      }
      if (decision.leak) {
        const { bytes, space } = decision.leak;
        if (space === 'heap') {
          // A holey double array keeps 8 bytes an element on the V8 heap, which --heap-mb caps.
          leaked.heap.push(new Array<number>(Math.ceil(bytes / 8)).fill(0.5));
        } else {
          leaked.native.push(Buffer.alloc(bytes, 1));
        }
        leaked.bytes[space] += bytes;
        metrics.leakedBytes.set({ space }, leaked.bytes[space]);
      }
    },
    async beforeBatch() {
      const delay = state.drawDelayMs();
      if (delay > 0) {
        await new Promise<void>((resolve) => scheduler.schedule(delay, resolve));
      }
      while (stuck !== null) {
        await stuck;
      }
    },
    drawError() {
      return state.drawError();
    },
    close() {
      cancelCrash?.();
      cancelCrash = null;
      releaseStuck?.();
      releaseStuck = null;
      stuck = null;
    },
  };
}
