/**
 * The injected faults of one server as they play out: which request crashes the
 * process, how much memory each request leaks, which answers become errors, how long each batch
 * is held. Pure: the caller passes the time and applies the decisions; draws come from Rngs
 * seeded by the faults' seed, so the same requests meet the same faults on every run.
 */
import type { LatencyFault, ServerFaults } from '../../../contract/events';
import type { Rng } from '../ports/rng';
import { seededRng } from '../rng/seededRng';

/** What to do as a request arrives. */
export interface ArrivalDecision {
  /** Exit the process now, with this reason. */
  readonly crash: string | null;
  /** Memory to allocate and keep. */
  readonly leak: { readonly bytes: number; readonly space: 'heap' | 'native' } | null;
}

/** The faults in force and what they have done so far. */
export interface FaultState {
  readonly faults: ServerFaults;
  /** Requests seen since the faults were set. */
  readonly requests: number;
  /** Monotonic ms at which a timed crash fires, or null. */
  readonly crashAt: number | null;
  arrive(now: number): ArrivalDecision;
  /** True when this finished request must be answered with an injected error. */
  drawError(): boolean;
  /** How long to hold the next batch before it runs, in ms. */
  drawDelayMs(): number;
}

/** The state of `faults` set at monotonic time `setAt`. */
export function faultState(faults: ServerFaults, setAt: number): FaultState {
  // Separate streams, so turning one fault on does not change the draws of another.
  const latencyRng = seededRng(faults.seed);
  const errorRng = seededRng((faults.seed ^ 0x5bd1e995) >>> 0);
  const crashAt = faults.crash?.afterMs !== undefined ? setAt + faults.crash.afterMs : null;
  let requests = 0;
  return {
    faults,
    get requests() {
      return requests;
    },
    crashAt,
    arrive(now) {
      requests++;
      const { crash, memoryGrowth } = faults;
      let reason: string | null = null;
      if (crash?.afterRequests !== undefined && requests > crash.afterRequests) {
        reason = `injected crash at request ${requests}, after ${crash.afterRequests} requests`;
      } else if (crashAt !== null && now >= crashAt) {
        reason = `injected crash ${crash?.afterMs} ms after the fault was set`;
      }
      return { crash: reason, leak: memoryGrowth ? { bytes: memoryGrowth.bytesPerRequest, space: memoryGrowth.space } : null };
    },
    drawError() {
      return faults.errorRate !== undefined && faults.errorRate > 0 && errorRng.next() < faults.errorRate;
    },
    drawDelayMs() {
      return faults.latency ? sampleLatency(faults.latency, latencyRng) : 0;
    },
  };
}

/** One draw of added latency in ms, never negative. */
export function sampleLatency(latency: LatencyFault, rng: Rng): number {
  switch (latency.distribution) {
    case 'fixed':
      return latency.ms;
    case 'uniform':
      return latency.minMs + (latency.maxMs - latency.minMs) * rng.next();
    case 'normal':
      return Math.max(0, latency.meanMs + latency.sdMs * standardNormal(rng));
    case 'lognormal':
      return latency.medianMs * Math.exp(latency.sigma * standardNormal(rng));
    case 'exponential':
      return -latency.meanMs * Math.log(1 - rng.next());
  }
}

/** Box-Muller; 1 - u keeps the logarithm finite. */
function standardNormal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** The faults in one line, for the log on stderr. */
export function describeFaults(faults: ServerFaults): string {
  const parts: string[] = [];
  const { latency, errorRate, crash, memoryGrowth, stuckBatch } = faults;
  if (latency) {
    parts.push(`latency ${describeLatency(latency)}`);
  }
  if (errorRate !== undefined) {
    parts.push(`error rate ${errorRate}`);
  }
  if (crash) {
    parts.push(
      `crash ${[crash.afterRequests !== undefined ? `after ${crash.afterRequests} requests` : '', crash.afterMs !== undefined ? `after ${crash.afterMs} ms` : ''].filter(Boolean).join(' or ')}`,
    );
  }
  if (memoryGrowth) {
    parts.push(`memory growth ${memoryGrowth.bytesPerRequest} bytes/request (${memoryGrowth.space})`);
  }
  if (stuckBatch) {
    parts.push('stuck batch');
  }
  return parts.length === 0 ? 'none' : `${parts.join(', ')} (seed ${faults.seed})`;
}

function describeLatency(latency: LatencyFault): string {
  switch (latency.distribution) {
    case 'fixed':
      return `${latency.ms} ms`;
    case 'uniform':
      return `uniform ${latency.minMs}-${latency.maxMs} ms`;
    case 'normal':
      return `normal mean ${latency.meanMs} ms sd ${latency.sdMs} ms`;
    case 'lognormal':
      return `lognormal median ${latency.medianMs} ms sigma ${latency.sigma}`;
    case 'exponential':
      return `exponential mean ${latency.meanMs} ms`;
  }
}
