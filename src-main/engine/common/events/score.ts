/** Schemas of the score phase's events (contract/events/score.ts). */
import { z } from 'zod';
import { agree, type ContractBodies, type SchemaOutputs } from './agreement';
import { list, maybeNumber, role, timeText } from './fields';

/** Counts of predictions per equal-width bin over [lo, hi]. */
export const predictionHistogram = z.strictObject({ lo: z.number(), hi: z.number(), counts: list(z.number()), outside: z.number() });

/** The score phase's event kinds. */
export const SCORE_EVENTS = {
  'score.summary': z.strictObject({
    kind: z.literal('score.summary'),
    role,
    model: z.string(),
    source: z.string(),
    from: timeText.nullable(),
    to: timeText.nullable(),
    n: z.number(),
    labelled: z.number(),
    auc: maybeNumber,
    logLoss: maybeNumber,
    positiveRate: maybeNumber,
    meanPrediction: maybeNumber,
    quantiles: z.record(z.string(), z.number()),
    histogram: predictionHistogram,
  }),
};

agree<SchemaOutputs<typeof SCORE_EVENTS>, ContractBodies<typeof SCORE_EVENTS>>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
