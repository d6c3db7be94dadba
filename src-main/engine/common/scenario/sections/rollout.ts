/**
 * `rollout`: the blue/green plan, after Argo Rollouts canary steps. A step lasts a
 * stretch of event time of the replay; the rows of that stretch also go through the real router
 * at `realRate` requests a second.
 */
import { z } from 'zod';
import { columnName, durationMs, eventTime, unitInterval } from '../values';
import { latencyFault, serverFaultsSchema } from './faults';

/** The gates an analysis may read; each has a fixed threshold. */
export const gatesSection = z.strictObject({
  /** Green's share of requests answered with an error. */
  errorRate: z.strictObject({ max: unitInterval }).default({ max: 0.01 }),
  /** Green's p99 latency in ms; defaults to the load section's SLA when there is one. */
  p99LatencyMs: z.strictObject({ max: z.number().positive() }).optional(),
  /** PSI of green's predictions against blue's on the same rows. */
  predictionPsi: z.strictObject({ max: z.number().positive() }).default({ max: 0.25 }),
  /** Decision flips beyond blue's disagreement with itself (Diffy's noise floor). */
  disagreement: z.strictObject({ maxExcessFlipRate: unitInterval }).default({ maxExcessFlipRate: 0.05 }),
  /** The largest input-feature PSI of the step's window against green's reference. */
  inputDrift: z.strictObject({ maxPsi: z.number().positive() }).default({ maxPsi: 0.25 }),
  /** Business outcome once labels arrive: green's AUC may not fall more than maxDrop below blue's. */
  businessOutcome: z
    .strictObject({ maxAucDrop: z.number().min(0).max(1), minLabelled: z.number().int().positive() })
    .default({ maxAucDrop: 0.02, minLabelled: 200 }),
  /** Requests a side must have answered before real-time gates can conclude. */
  minRequests: z.number().int().positive().default(20),
});

export const GATE_NAMES = ['errorRate', 'p99LatencyMs', 'predictionPsi', 'disagreement', 'inputDrift', 'businessOutcome'] as const;
export type GateName = (typeof GATE_NAMES)[number];

/** The gates measured in real time at the router, which can be checked between batches of a step. */
export const REAL_TIME_GATES = ['errorRate', 'p99LatencyMs'] as const;

/**
 * A latency fault sized from the run itself: `timesBlueP99` x blue's p99 measured through the
 * router during the warm-up, and never less than `atLeast` (set it above the SLA). So the fault is
 * ten times a baseline measured in the same run, on any machine.
 */
const relativeLatency = z.strictObject({
  distribution: z.literal('relative'),
  timesBlueP99: z.number().min(1).max(10_000),
  atLeast: durationMs.default(0),
});

/** Faults injected into green's server for the whole rollout: a slow, failing or crashing candidate. */
export const greenFaultsSection = serverFaultsSchema.extend({ latency: z.union([relativeLatency, latencyFault]).optional() });

const analysisStep = z.strictObject({
  /** Event time the analysis watches; the plan's stepDuration by default. */
  duration: durationMs.optional(),
  gates: z.array(z.enum(GATE_NAMES)).min(1).optional(),
  /** Failed gates tolerated before the analysis fails (Argo's failureLimit). */
  failureLimit: z.number().int().min(0).default(0),
  /** Inconclusive gates tolerated before the analysis is inconclusive. */
  inconclusiveLimit: z.number().int().min(0).default(0),
});

/** One of Argo's canary steps. */
type StepSpec =
  { readonly setWeight: number } | { readonly pause: { readonly duration?: number | undefined } } | { readonly analysis: z.output<typeof analysisStep> };

/**
 * One step: exactly one of `setWeight`, `pause` (without a duration the rollout waits for a
 * person to promote; headless runs follow `headless.pauses`) or `analysis`. Read as one object
 * with three optional keys rather than a union, so a mistake inside a step is named where it is
 * (a union could only say that no alternative matched).
 */
export const rolloutStep = z
  .strictObject({
    setWeight: z.number().int().min(0).max(100).optional(),
    pause: z.strictObject({ duration: durationMs.optional() }).optional(),
    analysis: analysisStep.optional(),
  })
  .superRefine((step, ctx) => {
    const given = [step.setWeight, step.pause, step.analysis].filter((v) => v !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({ code: 'custom', message: `expected exactly one of setWeight, pause, analysis; got ${given === 0 ? 'none' : 'several'}` });
    }
  })
  .transform((step): StepSpec =>
    step.setWeight !== undefined ? { setWeight: step.setWeight } : step.pause !== undefined ? { pause: step.pause } : { analysis: step.analysis! },
  );

export const rolloutSection = z
  .strictObject({
    /** Event time the first step starts at; the production snapshot's `from` by default. */
    start: eventTime.optional(),
    /** Event time a step lasts unless it says otherwise. */
    stepDuration: durationMs.default(86_400_000),
    /** Raw records a second sent through the real router during each step. */
    realRate: z.number().positive().max(10_000).default(20),
    /** Real-time cap on the records sent per step, so a long step stays short in real time. */
    maxRequestsPerStep: z.number().int().positive().default(400),
    /** After an abort, green is kept this long (real time), then stopped. */
    abortDelay: durationMs.default(2000),
    shadow: z.boolean().default(false),
    /** A snapshot column whose value keeps a request on one side (sticky assignment). */
    stickyKey: columnName.optional(),
    header: z.strictObject({ name: z.string().min(1), greenValue: z.string().min(1) }).default({ name: 'x-model-version', greenValue: 'v2' }),
    gates: gatesSection.default(gatesSection.parse({})),
    steps: z.array(rolloutStep).min(1),
    /** What a headless run does where a person would decide. */
    headless: z
      .strictObject({ pauses: z.enum(['promote', 'abort']).default('promote'), inconclusive: z.enum(['continue', 'abort']).default('continue') })
      .default({ pauses: 'promote', inconclusive: 'continue' }),
    /** After the plan, rehearse the retreat: all traffic back to blue, and blue must answer. */
    rollbackDrill: z.boolean().default(true),
    /**
     * Real-time gates checked after every batch of a step while green takes traffic (Argo's
     * background analysis); by default both, the p99 gate when it has a threshold.
     */
    background: z.array(z.enum(REAL_TIME_GATES)).optional(),
    /** The statistical judge shown beside the gates (Kayenta): significance, least effect, least samples a side. */
    judge: z
      .strictObject({ alpha: unitInterval.default(0.01), effectTolerance: unitInterval.default(0.1), minSamples: z.number().int().min(2).default(10) })
      .default({ alpha: 0.01, effectTolerance: 0.1, minSamples: 10 }),
    /** The model servers of the rehearsal: blue and green alike, and blue's twin for the noise floor (another batch size and thread count). */
    servers: z
      .strictObject({
        maxBatch: z.number().int().min(1).max(4096).default(32),
        timeout: durationMs.default(2000),
        twin: z
          .strictObject({ maxBatch: z.number().int().min(1).max(4096).default(1), threads: z.number().int().min(1).max(256).default(1) })
          .default({ maxBatch: 1, threads: 1 }),
      })
      .default({ maxBatch: 32, timeout: 2000, twin: { maxBatch: 1, threads: 1 } }),
    /** Requests sent to each side before the first step (warm-up, and blue's baseline latency). */
    warmup: z.number().int().min(10).max(10_000).default(40),
    /** Seeds the router's weighted draws, so a rehearsal splits the same requests the same way. */
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    greenFaults: greenFaultsSection.optional(),
  })
  .superRefine((plan, ctx) => {
    // A p99 gate with no threshold would be left out silently; the load section's SLA will supply
    // one once it is wired, until then the plan must.
    if (plan.gates.p99LatencyMs !== undefined) {
      return;
    }
    const named = [
      ...(plan.background ?? []).map((g, i) => ({ gate: g, path: ['background', i] })),
      ...plan.steps.flatMap((step, i) =>
        'analysis' in step ? (step.analysis.gates ?? []).map((g, k) => ({ gate: g, path: ['steps', i, 'analysis', 'gates', k] })) : [],
      ),
    ];
    for (const { gate, path } of named) {
      if (gate === 'p99LatencyMs') {
        ctx.addIssue({ code: 'custom', path, message: 'the p99LatencyMs gate needs a threshold: set gates.p99LatencyMs.max (in ms)' });
      }
    }
  });

export type RolloutSection = z.output<typeof rolloutSection>;
export type RolloutStepSpec = z.output<typeof rolloutStep>;
export type GatesSection = z.output<typeof gatesSection>;
export type GreenFaults = z.output<typeof greenFaultsSection>;

/** The gates an analysis step reads: those it names, or every gate that has a threshold. */
export function analysisGates(plan: RolloutSection, step: { readonly gates?: readonly GateName[] | undefined }): GateName[] {
  return step.gates ? [...step.gates] : GATE_NAMES.filter((g) => g !== 'p99LatencyMs' || plan.gates.p99LatencyMs !== undefined);
}

/** The gates checked between batches: those the plan names, or both real-time gates the plan can judge. */
export function backgroundGates(plan: RolloutSection): GateName[] {
  return plan.background ? [...plan.background] : REAL_TIME_GATES.filter((g) => g !== 'p99LatencyMs' || plan.gates.p99LatencyMs !== undefined);
}
