/**
 * `drill`: how a finished run of this scenario is replayed to train on-call engineers.
 * Each stop names where the replay pauses (an event kind, optionally matched on its fields, its
 * nth occurrence or every one; a seq; an event time), the question, the actions offered, the
 * expected answer, the time allowed and a short debrief.
 *
 * ```yaml
 * drill:
 *   intro: You are on call for the flight-delay model...
 *   timeAllowed: 2m
 *   stops:
 *     - id: first-alert
 *       at: { kind: alert.firing, match: { subject: distance } }
 *       question: Distance drifted. What do you do?
 *       expect: { action: investigate, feature: distance }
 *       debrief: The scale shift doubled nothing but distance...
 * ```
 */
import { z } from 'zod';
import type { DrillAction } from '../../../../contract/drill';
import { parseEventTime } from '../../time/eventTime';
import { durationMs } from '../values';

/** The four actions in the order they are offered. */
export const DRILL_ACTIONS: readonly DrillAction[] = ['hold', 'investigate', 'rollback', 'promote'];

const action = z.enum(['hold', 'investigate', 'rollback', 'promote']);

/** An answer as written in a scenario or an answers file: `investigate` names a layer or a feature, nothing else does. */
export const drillAnswer = z
  .strictObject({
    action,
    layer: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
    feature: z.string().min(1).max(200).optional(),
  })
  .superRefine((answer, ctx) => {
    if (answer.action !== 'investigate' && (answer.layer !== undefined || answer.feature !== undefined)) {
      ctx.addIssue({ code: 'custom', message: `only "investigate" takes a layer or a feature, not "${answer.action}"` });
    }
    if (answer.layer !== undefined && answer.feature !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'investigate either a layer or a feature, not both' });
    }
  });

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Where a stop pauses: exactly one of `kind`, `seq`, `eventTime`. */
const stopAt = z
  .strictObject({
    /** An event kind (`alert.firing`, `rollout.analysis`, ...), optionally with fields it must have. */
    kind: z
      .string()
      .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/, 'expected an event kind such as alert.firing')
      .optional(),
    match: z.record(z.string(), fieldValue).optional(),
    /** Which matching event: the nth (1-based, default 1); `each: true` makes a stop of every one. */
    nth: z.number().int().min(1).optional(),
    each: z.boolean().optional(),
    /** The event with this seq. */
    seq: z.number().int().min(1).optional(),
    /** The last event before the log passes this event time. */
    eventTime: z.union([z.string(), z.date()]).optional(),
  })
  .superRefine((at, ctx) => {
    const given = (['kind', 'seq', 'eventTime'] as const).filter((key) => at[key] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `expected exactly one of kind, seq, eventTime${given.length > 1 ? `, got ${given.join(' and ')}` : ''}` });
    }
    if (at.kind === undefined && (at.match !== undefined || at.nth !== undefined || at.each !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'match, nth and each go with kind' });
    }
    if (at.nth !== undefined && at.each === true) {
      ctx.addIssue({ code: 'custom', path: ['nth'], message: 'nth picks one event; each: true stops at every one' });
    }
    if (typeof at.eventTime === 'string' && parseEventTime(at.eventTime) === null) {
      ctx.addIssue({ code: 'custom', path: ['eventTime'], message: `expected an event time such as 2001-03-01 or 2001-03-01T06:00:00, got "${at.eventTime}"` });
    }
  })
  .transform((at) => ({ ...at, eventTime: at.eventTime instanceof Date ? at.eventTime.toISOString().slice(0, 19) : at.eventTime }));

const stop = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'expected an id of letters, digits, - and _')
      .max(80),
    at: stopAt,
    question: z.string().min(1).max(2000),
    options: z.array(action).min(2).optional(),
    /** The right answer, or several equally right ones. */
    expect: z.union([drillAnswer, z.array(drillAnswer).min(1)]),
    timeAllowed: durationMs.optional(),
    debrief: z.string().min(1).max(4000),
  })
  .superRefine((s, ctx) => {
    const offered = s.options ?? DRILL_ACTIONS;
    const expected = Array.isArray(s.expect) ? s.expect : [s.expect];
    expected.forEach((answer, index) => {
      if (!offered.includes(answer.action)) {
        ctx.addIssue({
          code: 'custom',
          path: Array.isArray(s.expect) ? ['expect', index] : ['expect'],
          message: `expects "${answer.action}", which options does not offer`,
        });
      }
    });
  });

/** The drill section. */
export const drillSection = z
  .strictObject({
    /** Read before the first stop: who the trainee is and what they look after. */
    intro: z.string().max(4000).default(''),
    /** Time allowed at each stop unless the stop says otherwise. */
    timeAllowed: durationMs.default(120_000),
    stops: z.array(stop).min(1),
  })
  .superRefine((drill, ctx) => {
    const seen = new Set<string>();
    drill.stops.forEach((s, index) => {
      if (seen.has(s.id)) {
        ctx.addIssue({ code: 'custom', path: ['stops', index, 'id'], message: `duplicate stop id "${s.id}"` });
      }
      seen.add(s.id);
    });
  });

/** A validated drill section. */
export type DrillSection = z.output<typeof drillSection>;
/** One stop as written. */
export type DrillStopSpec = DrillSection['stops'][number];
