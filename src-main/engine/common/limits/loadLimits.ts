/**
 * Sizes a machine cannot run, refused before anything starts. `peakRps: 1000000` asks the load
 * generator for 3 million requests a second: no core sends that many, so the open loop falls
 * behind at once and hands over its backlog in ever longer stretches, and the requests waiting in
 * memory grow by gigabytes before the run can be stopped. Two limits follow from the machine:
 *
 * - the rate: the generator is one event loop, so it sends from one core, at most
 *   GENERATOR_RPS_PER_CORE requests a second (its CPU per request, measured by `npm run
 *   bench:limits`); on a one-core machine it shares that core with the server under test, half;
 * - the memory: a request is held (waiting for a connection, then for its answer) until its
 *   deadline, so at most rate x timeout are held at once, each about BYTES_PER_HELD_REQUEST (also
 *   measured by the bench); they may take at most half of the machine's memory.
 *
 * Pure: engine/node supplies the machine's facts (machineFacts.ts).
 */
import { defaultTimeoutMs } from '../load/loadPlan';
import { targetRps } from '../load/targetRate';
import type { LoadSection } from '../scenario/sections/load';

/** What the limits depend on, read from the machine by engine/node. */
export interface MachineFacts {
  readonly cores: number;
  readonly memoryBytes: number;
}

/**
 * Requests a second one core of the generator can send, CPU-bound: 1 / (CPU per request). `npm run
 * bench:limits` measured our generator at 13.6 us of CPU per request at 24,000 requests/s (more at
 * lower rates, where timers weigh more) on this project's shared 2-core machine: 74,000 a second;
 * wrk on the same server, 5.7 us. The limit counts 10 us (100,000 a second): above what the
 * generator was measured to send, so a faster machine is not refused a rate it can send, and far
 * below the absurd.
 */
export const GENERATOR_RPS_PER_CORE = 100_000;

/**
 * Heap bytes a planned request holds while it waits (the request, its callback and the queue
 * slot). `npm run bench:limits` measured 250 bytes (a bare record of the same three numbers: 90);
 * the limit counts 320, for what the measurement leaves out (the socket buffers of those in flight).
 */
export const BYTES_PER_HELD_REQUEST = 320;

/** The share of the machine's memory the held requests may take; the rest is the server's, the model's and the run's own. */
const MEMORY_SHARE = 0.5;

/** The limits on this machine. */
export interface LoadLimits {
  readonly maxRps: number;
  readonly maxHeldRequests: number;
}

/** The limits that follow from the machine's cores and memory. */
export function loadLimits(machine: MachineFacts): LoadLimits {
  return {
    maxRps: machine.cores >= 2 ? GENERATOR_RPS_PER_CORE : GENERATOR_RPS_PER_CORE / 2,
    maxHeldRequests: Math.floor((machine.memoryBytes * MEMORY_SHARE) / BYTES_PER_HELD_REQUEST),
  };
}

/** A load to check, and the names of its fields as the person wrote them (scenario keys or CLI flags). */
export interface LoadSize {
  readonly rps: number;
  readonly durationMs: number;
  readonly timeoutMs: number;
  /** How the rate was written: `load.peakRps (1000000 x 2 x 1.5)` or `--rate`. */
  readonly rateField: string;
  readonly timeoutField: string;
}

/** One size this machine cannot run. */
export interface SizeProblem {
  readonly field: string;
  readonly message: string;
}

/** The problems of a load on this machine; none when it fits. */
export function loadSizeProblems(load: LoadSize, machine: MachineFacts): SizeProblem[] {
  const limits = loadLimits(machine);
  const problems: SizeProblem[] = [];
  if (load.rps > limits.maxRps) {
    problems.push({
      field: load.rateField,
      message:
        `${count(load.rps)} requests/s is more than this machine's load generator can send: expected at most ${count(limits.maxRps)} requests/s ` +
        `(${count(GENERATOR_RPS_PER_CORE)} from one core, measured by npm run bench:limits; the generator is one event loop, ` +
        `${machine.cores >= 2 ? `on one of this machine's ${machine.cores} cores` : "sharing this machine's one core with the server"})`,
    });
  }
  // Only what is planned can be held: a short run holds at most all of its requests.
  const held = Math.min(load.rps * (load.timeoutMs / 1000), load.rps * (load.durationMs / 1000));
  if (held > limits.maxHeldRequests) {
    problems.push({
      field: load.timeoutField,
      message:
        `at ${count(load.rps)} requests/s, a timeout of ${seconds(load.timeoutMs)} holds up to ${count(held)} requests in memory at once, ` +
        `about ${gib(held * BYTES_PER_HELD_REQUEST)}: expected at most ${count(limits.maxHeldRequests)} (half of this machine's ${gib(machine.memoryBytes)} ` +
        `at ${BYTES_PER_HELD_REQUEST} bytes a request, measured by npm run bench:limits); shorten the timeout or lower the rate`,
    });
  }
  return problems;
}

/** The problems of a scenario's `load` section on this machine; none without one. */
export function scenarioLoadProblems(load: LoadSection | undefined, machine: MachineFacts): SizeProblem[] {
  if (load === undefined) {
    return [];
  }
  return loadSizeProblems(
    {
      rps: targetRps(load),
      durationMs: load.duration,
      timeoutMs: load.timeout ?? defaultTimeoutMs(load.sla),
      rateField: `load.peakRps (${count(load.peakRps)} x multiplier ${load.multiplier} x (1 + headroom ${load.headroom}))`,
      timeoutField: load.timeout === undefined ? 'load.sla (the timeout is ten times the SLA)' : 'load.timeout',
    },
    machine,
  );
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}
