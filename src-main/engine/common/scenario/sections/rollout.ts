/**
 * `rollout`: the blue/green plan, after Argo Rollouts canary steps (issue 8). A step lasts a
 * stretch of event time of the replay; the rows of that stretch also go through the real router
 * at `realRate` requests a second.
 */
import { z } from 'zod';
import { columnName, durationMs, eventTime, unitInterval } from '../values';

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
  businessOutcome: z.strictObject({ maxAucDrop: z.number().min(0).max(1), minLabelled: z.number().int().positive() }).default({ maxAucDrop: 0.02, minLabelled: 200 }),
  /** Requests a side must have answered before real-time gates can conclude. */
  minRequests: z.number().int().positive().default(20),
});

export const GATE_NAMES = ['errorRate', 'p99LatencyMs', 'predictionPsi', 'disagreement', 'inputDrift', 'businessOutcome'] as const;
export type GateName = (typeof GATE_NAMES)[number];

const analysisStep = z.strictObject({
  /** Event time the analysis watches; the plan's stepDuration by default. */
  duration: durationMs.optional(),
  gates: z.array(z.enum(GATE_NAMES)).min(1).optional(),
  /** Failed gates tolerated before the analysis fails (Argo's failureLimit). */
  failureLimit: z.number().int().min(0).default(0),
  /** Inconclusive gates tolerated before the analysis is inconclusive. */
  inconclusiveLimit: z.number().int().min(0).default(0),
});

export const rolloutStep = z.union([
  z.strictObject({ setWeight: z.number().int().min(0).max(100) }),
  /** Without a duration the rollout waits for a person to promote (headless runs follow `headless.pauses`). */
  z.strictObject({ pause: z.strictObject({ duration: durationMs.optional() }) }),
  z.strictObject({ analysis: analysisStep }),
]);

export const rolloutSection = z.strictObject({
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
});

export type RolloutSection = z.output<typeof rolloutSection>;
export type RolloutStepSpec = z.output<typeof rolloutStep>;
export type GatesSection = z.output<typeof gatesSection>;
