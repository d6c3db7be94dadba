/**
 * `load`: the load profile of a rehearsal (DESIGN.md, "The shape of a rehearsal"): the
 * production peak, the seed's multiplier and headroom, how long, the SLA, and what to send.
 *
 * The load phase (`run/phases/load.ts`) runs it under each resource profile and turns it
 * into a plan with `loadPlanOf`.
 */
import { z } from 'zod';
import { defaultTimeoutMs, type LoadPlan } from '../../load/loadPlan';
import type { PayloadRecords } from '../../load/payloadRecords';
import { SEED_HEADROOM, SEED_MULTIPLIER, targetRps } from '../../load/targetRate';
import { durationMs } from '../values';

export const loadSection = z.strictObject({
  /** Production's expected peak, requests per second. */
  peakRps: z.number().positive(),
  multiplier: z.number().positive().default(SEED_MULTIPLIER),
  /** 0.5 is 50% on top of peak x multiplier. */
  headroom: z.number().min(0).default(SEED_HEADROOM),
  duration: durationMs.default(30_000),
  /** The p99 latency the server must hold, e.g. `100ms`. */
  sla: durationMs.default(100),
  /** A request unanswered this long after its planned time is a timeout; ten times the SLA (at least 1 s) when absent. */
  timeout: durationMs.optional(),
  shape: z.enum(['constant', 'ramp', 'step', 'spike']).default('constant'),
  protocol: z.enum(['predict', 'oip']).default('predict'),
  /** `production`: the production snapshot's rows as raw records; `numeric`: numbers of the model's width. */
  payload: z.enum(['production', 'numeric']).default('production'),
  order: z.enum(['event', 'sampled']).default('event'),
  connections: z.number().int().min(1).max(1024).optional(),
  seed: z.number().int().min(0).default(1),
});

export type LoadSection = z.output<typeof loadSection>;

/**
 * The plan for one run of the section against the server at `url`. `records` are production's
 * rows to send (`readPayloadRecords`), read by the caller when the section sends them.
 */
export function loadPlanOf(section: LoadSection, url: string, records: PayloadRecords | null): LoadPlan {
  if (section.payload !== 'numeric' && records === null) {
    throw new Error('a load that sends production rows needs them read first');
  }
  return {
    url,
    protocol: section.protocol,
    rps: targetRps(section),
    shape: section.shape,
    durationMs: section.duration,
    slaMs: section.sla,
    timeoutMs: section.timeout ?? defaultTimeoutMs(section.sla),
    ...(section.connections !== undefined ? { connections: section.connections } : {}),
    payload: section.payload === 'numeric' || records === null ? { kind: 'numeric' } : { kind: 'records', ...records },
    seed: section.seed,
  };
}
