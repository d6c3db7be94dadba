/**
 * The faults one model server injects: added latency, an error rate, a crash, memory
 * growth, a stuck batch. The same schema reads `rehearse serve --faults`, the admin endpoint's
 * body, the rollout's `greenFaults` and the scenario's `faults` section, which wraps it
 * with a start and a length in the real time of the production profile's load.
 */
import { z } from 'zod';
import type { ServerFaults } from '../../../../contract/events';
import { durationMs, unitInterval } from '../values';

const ms = z.number().min(0).max(3_600_000);
const positiveMs = z.number().positive().max(3_600_000);

/** Added latency per batch: fixed, or sampled with the faults' seed. */
export const latencyFault = z.discriminatedUnion(
  'distribution',
  [
    z.strictObject({ distribution: z.literal('fixed'), ms }),
    z
      .strictObject({ distribution: z.literal('uniform'), minMs: ms, maxMs: ms })
      .refine((l) => l.minMs <= l.maxMs, { message: 'expected minMs <= maxMs', path: ['maxMs'] }),
    z.strictObject({ distribution: z.literal('normal'), meanMs: ms, sdMs: ms }),
    z.strictObject({ distribution: z.literal('lognormal'), medianMs: positiveMs, sigma: z.number().min(0).max(10) }),
    z.strictObject({ distribution: z.literal('exponential'), meanMs: positiveMs }),
  ],
  { error: 'expected distribution fixed, uniform, normal, lognormal or exponential' },
);

/** The faults of one server; every key but `seed` is optional, and absent means off. */
export const serverFaultsSchema = z.strictObject({
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  latency: latencyFault.optional(),
  errorRate: unitInterval.optional(),
  crash: z
    .strictObject({ afterRequests: z.number().int().min(0).optional(), afterMs: ms.optional() })
    .refine((c) => c.afterRequests !== undefined || c.afterMs !== undefined, { message: 'expected afterRequests or afterMs' })
    .optional(),
  memoryGrowth: z
    .strictObject({
      bytesPerRequest: z
        .number()
        .int()
        .min(1)
        .max(1 << 30),
      space: z.enum(['heap', 'native']).default('heap'),
    })
    .optional(),
  stuckBatch: z.boolean().optional(),
});

/** No faults. */
export const NO_FAULTS: ServerFaults = { seed: 1 };

// The contract declares ServerFaults as plain types (it may not import zod); this line fails to
// compile if the schema's output and the contract's type ever part.
const _sameShape: [z.output<typeof serverFaultsSchema>, ServerFaults] extends [ServerFaults, z.output<typeof serverFaultsSchema>] ? true : never = true;
void _sameShape;

/**
 * A latency sized from the run itself: `timesBaselineP99` x the p99 of a baseline load run against
 * the same server just before (the project's rule: a latency fault is ten times a baseline
 * measured in the same run, on any machine), and never less than `atLeast`.
 */
const baselineLatency = z.strictObject({
  distribution: z.literal('relative'),
  timesBaselineP99: z.number().min(1).max(10_000),
  atLeast: durationMs.default(0),
});

/**
 * One fault of the scenario's `faults` section: the server's fault body, when it starts after the
 * start of the production profile's load (`at`) and how long it acts (`for`).
 *
 * ```yaml
 * faults:
 *   - name: half the requests fail   # optional; named after what it does otherwise
 *     at: 2s
 *     for: 2s
 *     errorRate: 0.5
 *   - at: 6s
 *     for: 2s
 *     latency: { distribution: relative, timesBaselineP99: 10 }
 * ```
 */
export const scenarioFault = serverFaultsSchema
  .extend({
    name: z.string().min(1).max(200).optional(),
    at: durationMs,
    for: durationMs,
    latency: z
      .discriminatedUnion('distribution', [baselineLatency, ...latencyFault.options], {
        error: 'expected distribution relative, fixed, uniform, normal, lognormal or exponential',
      })
      .optional(),
  })
  .superRefine((fault, ctx) => {
    if (fault.for <= 0) {
      ctx.addIssue({ code: 'custom', path: ['for'], message: 'expected a duration longer than 0' });
    }
    if (FAULT_KEYS.every((key) => fault[key] === undefined)) {
      ctx.addIssue({ code: 'custom', message: `expected at least one fault: ${FAULT_KEYS.join(', ')}` });
    }
  });

const FAULT_KEYS = ['latency', 'errorRate', 'crash', 'memoryGrowth', 'stuckBatch'] as const;

/** `faults`: the model server's faults, injected during the production profile's load. */
export const faultsSection = z.array(scenarioFault).max(100);

export type ScenarioFault = z.output<typeof scenarioFault>;

/**
 * The checks that need the rest of the scenario: faults act during the load, so a scenario with
 * faults needs a `load` section; each fault must end by the end of the load; and the server holds
 * one set of faults at a time, so two may not overlap.
 */
export function checkFaultsAgainstLoad(
  scenario: { readonly faults: readonly ScenarioFault[]; readonly load?: { readonly duration: number } | undefined },
  ctx: z.RefinementCtx,
): void {
  const { faults, load } = scenario;
  if (faults.length === 0) {
    return;
  }
  if (load === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['faults'],
      message:
        "server faults are injected during the production profile's load, and this scenario has no `load` section: add one (peakRps, duration) or remove faults",
    });
    return;
  }
  faults.forEach((fault, i) => {
    if (fault.at + fault.for > load.duration) {
      ctx.addIssue({
        code: 'custom',
        path: ['faults', i, 'for'],
        message: `expected the fault to end by the end of the load (load.duration ${load.duration} ms); it ends at ${fault.at + fault.for} ms`,
      });
    }
    const overlapped = faults.findIndex((other, j) => j < i && fault.at < other.at + other.for && other.at < fault.at + fault.for);
    if (overlapped >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['faults', i, 'at'],
        message: `overlaps faults[${overlapped}]: the server holds one set of faults at a time, so faults may not overlap`,
      });
    }
  });
}

/** A fault's name: its own, else what it does (`error rate 0.5`, `latency 10 x baseline p99`). */
export function faultName(fault: ScenarioFault): string {
  if (fault.name !== undefined) {
    return fault.name;
  }
  const parts: string[] = [];
  if (fault.latency !== undefined) {
    parts.push(
      fault.latency.distribution === 'relative' ? `latency ${fault.latency.timesBaselineP99} x baseline p99` : `latency ${fault.latency.distribution}`,
    );
  }
  if (fault.errorRate !== undefined) {
    parts.push(`error rate ${fault.errorRate}`);
  }
  if (fault.crash !== undefined) {
    parts.push('crash');
  }
  if (fault.memoryGrowth !== undefined) {
    parts.push('memory growth');
  }
  if (fault.stuckBatch === true) {
    parts.push('stuck batch');
  }
  return parts.join(', ');
}
