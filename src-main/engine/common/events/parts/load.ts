/** Schemas of the load generator's result (contract/load.ts), as a `load.result` event carries it. */
import { z } from 'zod';
import type { LoadResult } from '../../../../contract/load';
import { agree, type Output } from '../agreement';
import { list } from '../fields';

const latencyPercentiles = z.strictObject({
  p50: z.number(),
  p90: z.number(),
  p95: z.number(),
  p99: z.number(),
  p999: z.number(),
  max: z.number(),
});

const loadIntervals = z.strictObject({
  everyMs: z.number(),
  boundsMs: list(z.number()),
  series: list(
    z.strictObject({
      fromMs: z.number(),
      ok: z.number(),
      errors: z.number(),
      timeouts: z.number(),
      dropped: z.number(),
      latencyCounts: list(z.number()),
    }),
  ),
});

/** One finished load run. */
export const loadResult = z.strictObject({
  plannedRps: z.number(),
  targetRps: z.number(),
  achievedRps: z.number(),
  latencyMs: latencyPercentiles,
  uncorrectedLatencyMs: latencyPercentiles,
  latenessMs: latencyPercentiles,
  connectionWaitMs: latencyPercentiles,
  errors: z.number(),
  timeouts: z.number(),
  dropped: z.number(),
  slaPass: z.boolean(),
  onSchedule: z.boolean(),
  slaMs: z.number(),
  requests: z.strictObject({ planned: z.number(), sent: z.number(), ok: z.number() }),
  errorKinds: z.record(z.string(), z.number()),
  durationMs: z.number(),
  elapsedMs: z.number(),
  shape: z.enum(['constant', 'ramp', 'step', 'spike']),
  protocol: z.enum(['predict', 'oip']),
  url: z.string(),
  payload: z.string(),
  sentEventTimes: z.strictObject({ first: z.string(), last: z.string() }).optional(),
  connections: z.number(),
  seed: z.number(),
  intervals: loadIntervals.optional(),
});

agree<Output<typeof loadResult>, LoadResult>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
