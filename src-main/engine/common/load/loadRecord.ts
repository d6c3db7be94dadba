/**
 * A load run as a small file that runs elsewhere can be added to (`rehearse load --hdr-out`): the
 * corrected latency distribution in hdr-histogram-js's compressed base64, and the request counts.
 * JSON, so a person can read the counts; the histogram stays exact (HDR buckets add), and a
 * percentile of the sum is the percentile of every sample together, never an average of
 * percentiles. `loadRecordOf` checks a parsed file field by field.
 */
import { z } from 'zod';
import type { LatencyPercentiles } from '../../../contract/load';

export const LOAD_RECORD_FORMAT = 'rehearse-load-histogram';
export const LOAD_RECORD_VERSION = 1;

const count = z.number().int().nonnegative();

const loadRecordSchema = z
  .object({
    format: z.literal(LOAD_RECORD_FORMAT),
    version: z.literal(LOAD_RECORD_VERSION),
    url: z.string(),
    plannedRps: z.number().nonnegative(),
    slaMs: z.number().positive(),
    durationMs: z.number().positive(),
    elapsedMs: z.number().positive(),
    requests: z
      .object({ planned: count, sent: count, answered: count, ok: count, errors: count, timeouts: count, dropped: count })
      .strict()
      .refine((r) => r.sent <= r.planned && r.answered <= r.sent && r.ok <= r.answered, {
        message: 'expected ok <= answered <= sent <= planned',
      }),
    latency: z
      .object({
        view: z.literal('corrected'),
        unit: z.literal('us'),
        encoding: z.literal('hdr-histogram-js compressed base64'),
        histogram: z.string().min(1),
        /** The largest value recorded, exactly (the encoding keeps only its bucket). */
        maxUs: count,
      })
      .strict(),
  })
  .strict();

/** One run's counts and its encoded corrected latency histogram. */
export type LoadRecord = z.infer<typeof loadRecordSchema>;

/** The first problem with a parsed file, as the field it is in and what was expected; the record when there is none. */
export function loadRecordOf(value: unknown): { ok: true; record: LoadRecord } | { ok: false; field: string; problem: string } {
  const parsed = loadRecordSchema.safeParse(value);
  if (parsed.success) {
    return { ok: true, record: parsed.data };
  }
  const issue = parsed.error.issues[0]!;
  return { ok: false, field: issue.path.length === 0 ? '(top level)' : issue.path.join('.'), problem: issue.message };
}

/** Several runs as one: counts summed, rates summed (the runs ran side by side), the latency of every sample together. */
export interface MergedLoad {
  readonly runs: number;
  readonly files: readonly string[];
  /** The sum of the runs' planned rates: what they offered together when they ran at the same time. */
  readonly plannedRps: number;
  /** 2xx answers of all runs over the longest run's elapsed time. */
  readonly achievedRps: number;
  readonly durationMs: number;
  readonly elapsedMs: number;
  readonly requests: LoadRecord['requests'];
  /** Corrected latency, from the summed histogram. */
  readonly latencyMs: LatencyPercentiles;
}

/** Sums the counts of `records` (in the order given) beside the merged histogram's percentiles. */
export function mergedLoad(files: readonly string[], records: readonly LoadRecord[], latencyMs: LatencyPercentiles): MergedLoad {
  const sum = (pick: (r: LoadRecord) => number): number => records.reduce((total, r) => total + pick(r), 0);
  const elapsedMs = Math.max(...records.map((r) => r.elapsedMs));
  const round3 = (v: number): number => Math.round(v * 1000) / 1000;
  const requests = {
    planned: sum((r) => r.requests.planned),
    sent: sum((r) => r.requests.sent),
    answered: sum((r) => r.requests.answered),
    ok: sum((r) => r.requests.ok),
    errors: sum((r) => r.requests.errors),
    timeouts: sum((r) => r.requests.timeouts),
    dropped: sum((r) => r.requests.dropped),
  };
  return {
    runs: records.length,
    files,
    plannedRps: round3(sum((r) => r.plannedRps)),
    achievedRps: round3(requests.ok / (elapsedMs / 1000)),
    durationMs: Math.max(...records.map((r) => r.durationMs)),
    elapsedMs,
    requests,
    latencyMs,
  };
}
