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

/** An injector with `initial` set. */
export function faultInjector(effects: FaultEffects, initial: ServerFaults): FaultInjector {
  const { clock, scheduler, metrics } = effects;
  let state: FaultState = faultState(initial, clock.monotonic());
  let cancelCrash: (() => void) | null = null;
  const leaked = leakedMemory(metrics);
  const stuck = stuckBatches();

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
      const reason = `injected crash ${faults.crash?.afterMs} ms after the fault was set`;
      cancelCrash = scheduler.schedule(Math.max(0, state.crashAt - clock.monotonic()), () => crash(reason));
    }
    stuck.hold(faults.stuckBatch === true);
    if (!faults.memoryGrowth) {
      // Clearing the fault frees what it kept, as a restart would, so a rehearsal can recover.
      leaked.free();
    }
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
        leaked.keep(decision.leak.bytes, decision.leak.space);
      }
    },
    async beforeBatch() {
      const delay = state.drawDelayMs();
      if (delay > 0) {
        await new Promise<void>((resolve) => scheduler.schedule(delay, resolve));
      }
      await stuck.passed();
    },
    drawError: () => state.drawError(),
    close() {
      cancelCrash?.();
      cancelCrash = null;
      stuck.hold(false);
    },
  };
}

/** Memory the memory-growth fault keeps, shown in `model_server_fault_leaked_bytes`. */
function leakedMemory(metrics: ServerMetrics): { keep(bytes: number, space: 'heap' | 'native'): void; free(): void } {
  let heap: number[][] = [];
  let native: Buffer[] = [];
  const bytes = { heap: 0, native: 0 };
  const show = (): void => {
    metrics.leakedBytes.set({ space: 'heap' }, bytes.heap);
    metrics.leakedBytes.set({ space: 'native' }, bytes.native);
  };
  show();
  return {
    keep(size, space) {
      if (space === 'heap') {
        // A holey double array keeps 8 bytes an element on the V8 heap, which --heap-mb caps.
        heap.push(new Array<number>(Math.ceil(size / 8)).fill(0.5));
      } else {
        native.push(Buffer.alloc(size, 1));
      }
      bytes[space] += size;
      show();
    },
    free() {
      heap = [];
      native = [];
      bytes.heap = 0;
      bytes.native = 0;
      show();
    },
  };
}

/** The stuck-batch fault: while held, no batch passes; released, every waiting batch goes on. */
function stuckBatches(): { hold(held: boolean): void; passed(): Promise<void> } {
  let release: (() => void) | null = null;
  let stuck: Promise<void> | null = null;
  return {
    hold(held) {
      if (held && stuck === null) {
        stuck = new Promise<void>((resolve) => (release = resolve));
      } else if (!held && release !== null) {
        release();
        release = null;
        stuck = null;
      }
    },
    async passed() {
      while (stuck !== null) {
        await stuck;
      }
    },
  };
}
