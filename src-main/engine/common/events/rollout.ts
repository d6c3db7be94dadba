/** Schemas of the blue/green rollout's events (contract/events/rollout.ts): router, plan, steps, analyses, the end. */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { list, maybeNumber, maybeString, timeText } from './fields';
import { gateOutcome } from './parts/charts';
import { serverFaults } from './server';

const routeWeights = z.strictObject({ blue: z.number(), green: z.number() });

const routerPolicyInfo = z.strictObject({
  weights: routeWeights,
  header: z.strictObject({ name: z.string(), greenValue: z.string() }),
  stickyHeader: maybeString,
  shadow: z.boolean(),
  compare: z.boolean(),
});

const sideTraffic = z.strictObject({ requests: z.number(), errors: z.number(), timeouts: z.number(), p50Ms: maybeNumber, p99Ms: maybeNumber });

const stepEventMetrics = z.strictObject({
  predictionPsi: maybeNumber,
  inputDrift: z.strictObject({ maxPsi: z.number(), feature: z.string() }).nullable(),
  outcome: z.strictObject({ labelled: z.number(), blueAuc: maybeNumber, greenAuc: maybeNumber }).nullable(),
  disagreement: z
    .strictObject({
      requests: z.number(),
      greenFlipRate: z.number(),
      noiseFlipRate: z.number(),
      excessFlipRate: z.number(),
      greenMeanAbsDiff: z.number(),
      noiseMeanAbsDiff: z.number(),
      noiseMaxAbsDiff: z.number(),
    })
    .nullable(),
});

const gateResult = z.strictObject({ gate: z.string(), outcome: gateOutcome, observed: maybeNumber, threshold: z.number(), detail: z.string() });

const judgedMetric = z.strictObject({
  metric: z.string(),
  classification: z.enum(['pass', 'high', 'low', 'nodata']),
  pValue: maybeNumber,
  effect: maybeNumber,
  n: z.strictObject({ blue: z.number(), green: z.number() }),
  failed: z.boolean(),
});

const bothClocks = z.strictObject({ realMs: z.number(), eventMs: z.number() });

/** The router's event kinds. */
const ROUTER_EVENTS = {
  'router.started': z.strictObject({
    kind: z.literal('router.started'),
    url: z.string(),
    pid: z.number(),
    upstreams: z.strictObject({ blue: z.string(), green: z.string(), twin: maybeString }),
    policy: routerPolicyInfo,
    restart: z.number(),
  }),
  'router.weights': z.strictObject({ kind: z.literal('router.weights'), weights: routeWeights, previous: routeWeights, reason: z.string() }),
  'router.stopped': z.strictObject({
    kind: z.literal('router.stopped'),
    requested: z.boolean(),
    exitCode: maybeNumber,
    signal: maybeString,
    message: z.string(),
  }),
};

/** The rollout's event kinds, the router's included. */
export const ROLLOUT_EVENTS = {
  ...ROUTER_EVENTS,
  'rollout.planned': z.strictObject({
    kind: z.literal('rollout.planned'),
    steps: list(z.string()),
    start: timeText,
    stepDurationMs: z.number(),
    realRate: z.number(),
    maxRequestsPerStep: z.number(),
    abortDelayMs: z.number(),
    policy: routerPolicyInfo,
    stickyKey: maybeString,
    slaMs: maybeNumber,
  }),
  'rollout.compatibility': z.strictObject({
    kind: z.literal('rollout.compatibility'),
    model: z.string(),
    compatible: z.boolean(),
    required: list(z.string()),
    present: list(z.string()),
    missing: list(z.string()),
    records: z.number(),
    failedRecords: z.number(),
    failures: list(z.strictObject({ field: z.string(), records: z.number(), example: z.string() })),
  }),
  'rollout.baseline': z.strictObject({
    kind: z.literal('rollout.baseline'),
    requests: z.number(),
    blueP99Ms: maybeNumber,
    greenP99Ms: maybeNumber,
    greenFaults: serverFaults.nullable(),
    faultNote: maybeString,
  }),
  'rollout.step': z.strictObject({
    kind: z.literal('rollout.step'),
    index: z.number(),
    step: z.string(),
    from: timeText,
    to: timeText,
    greenPercent: z.number(),
    rows: z.number(),
    sent: z.number(),
    realMs: z.number(),
    sides: z.strictObject({ blue: sideTraffic, green: sideTraffic }),
    routerFailures: z.number(),
    metrics: stepEventMetrics,
    cut: z.boolean(),
  }),
  'rollout.analysis': z.strictObject({
    kind: z.literal('rollout.analysis'),
    index: z.number(),
    background: z.boolean(),
    gates: list(gateResult),
    outcome: gateOutcome,
    judge: z.strictObject({ metrics: list(judgedMetric), score: maybeNumber }),
  }),
  'rollout.aborted': z.strictObject({
    kind: z.literal('rollout.aborted'),
    reason: z.string(),
    source: z.enum(['gate', 'person', 'stop', 'error']),
    stepIndex: z.number(),
    detect: bothClocks.nullable(),
    rollback: bothClocks,
    duringRetreat: z.strictObject({ sent: z.number(), green: z.number() }),
  }),
  'rollout.finished': z.strictObject({
    kind: z.literal('rollout.finished'),
    outcome: z.enum(['promoted', 'aborted', 'not-started']),
    reason: maybeString,
    detect: bothClocks.nullable(),
    rollback: bothClocks.nullable(),
    drill: z.strictObject({ rollback: bothClocks, blueAnswered: z.number(), blueFailed: z.number() }).nullable(),
    blueProbes: z.strictObject({ total: z.number(), failed: z.number() }),
    blueAfterRetreat: z.strictObject({ answered: z.number(), failed: z.number() }).nullable(),
  }),
};

agree<SchemaOutputs<typeof ROLLOUT_EVENTS>, ContractBodies<typeof ROLLOUT_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
