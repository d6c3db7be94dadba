/**
 * `shifts`: synthetic shifts laid over the replayed traffic, each on chosen columns
 * from a start to an end event time, sudden or ramped, with a seed. The replay applies them to
 * each production chunk before the serving features, and reports whether and when each was
 * caught.
 *
 * ```yaml
 * shifts:
 *   - operator: unit-change
 *     target: distance
 *     units: miles-to-km
 *     start: 2001-04-01
 *     end: 2001-05-01
 *     onset: ramped          # sudden (default) or ramped
 *     rampDuration: 7d       # ramped: time to full strength (default: start to end)
 *     seed: 7
 * ```
 */
import { z } from 'zod';
import { columnName, durationMs, eventTime, unitInterval } from '../values';

/** Unit conversions a unit-change shift can apply (an upstream system switching units). */
const UNIT_CHANGES = [
  'miles-to-km',
  'km-to-miles',
  'feet-to-meters',
  'meters-to-feet',
  'pounds-to-kg',
  'kg-to-pounds',
  'minutes-to-seconds',
  'seconds-to-minutes',
  'celsius-to-fahrenheit',
  'fahrenheit-to-celsius',
] as const;

/** One of the unit conversions. */
export type UnitChange = (typeof UNIT_CHANGES)[number];

const targets = z.union([columnName, z.array(columnName).min(1)]).transform((t) => (typeof t === 'string' ? [t] : [...new Set(t)]));

/** What every shift has: when, how it starts, its seed. */
const timing = {
  /** Event time the shift begins. */
  start: eventTime,
  /** Event time it ends (exclusive); absent: to the end of the replay. */
  end: eventTime.optional(),
  /** sudden: full strength from `start`; ramped: rising linearly from nothing at `start`. */
  onset: z.enum(['sudden', 'ramped']).default('sudden'),
  /** ramped: time to full strength; defaults to the whole of [start, end). */
  rampDuration: durationMs.optional(),
  /** Seeds the shift's own generator, so a scenario replays bit for bit. */
  seed: z.number().int().min(0).max(0xffffffff).default(0),
};

const probability = unitInterval.refine((p) => p > 0, { message: 'expected a share above 0' });

const operators = [
  z.strictObject({
    operator: z.literal('scale'),
    target: targets,
    /** x * factor + offset at full strength. */
    factor: z.number().finite().default(1),
    offset: z.number().finite().default(0),
    ...timing,
  }),
  z.strictObject({ operator: z.literal('unit-change'), target: targets, units: z.enum(UNIT_CHANGES), ...timing }),
  z.strictObject({
    operator: z.literal('gaussian-noise'),
    target: targets,
    /** Standard deviation of the added noise at full strength, in the column's units. */
    sd: z.number().finite().positive(),
    ...timing,
  }),
  z.strictObject({
    operator: z.literal('category-injection'),
    target: targets,
    /** The new category (a new airport). */
    value: z.string().min(1),
    /** Share of rows that get it at full strength. */
    rate: probability,
    ...timing,
  }),
  z.strictObject({
    operator: z.literal('category-collapse'),
    target: targets,
    /** Categories merged into `into`; or `keep`: every category but these. */
    categories: z.array(z.string()).min(1).optional(),
    keep: z.array(z.string()).min(1).optional(),
    into: z.string().min(1).default('OTHER'),
    ...timing,
  }),
  z.strictObject({ operator: z.literal('null-spike'), target: targets, rate: probability, ...timing }),
  z.strictObject({
    operator: z.literal('timezone-offset'),
    target: targets,
    /** Hours added to the timestamp (the seed's UTC-vs-local bug: e.g. -5 or +8). */
    hours: z
      .number()
      .finite()
      .min(-24)
      .max(24)
      .refine((h) => h !== 0, { message: 'expected a non-zero offset' }),
    ...timing,
  }),
  z.strictObject({
    operator: z.literal('column-rename'),
    target: targets,
    /** The column's new name (a schema break upstream). */
    to: columnName,
    ...timing,
  }),
  z.strictObject({ operator: z.literal('column-missing'), target: targets, ...timing }),
  z.strictObject({
    operator: z.literal('label-prior-shift'),
    /** Multiplies the odds of a positive label at full strength (2: twice the odds), by resampling rows. */
    oddsRatio: z.number().finite().positive(),
    ...timing,
  }),
] as const;

/** One shift, checked for what a single field cannot say. */
export const shiftSchema = z.discriminatedUnion('operator', operators).superRefine((shift, ctx) => {
  if (shift.end !== undefined && shift.end <= shift.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'expected an end after start' });
  }
  if (shift.onset === 'ramped' && shift.end === undefined && shift.rampDuration === undefined) {
    ctx.addIssue({ code: 'custom', path: ['rampDuration'], message: 'a ramped shift needs rampDuration or end' });
  }
  if (shift.onset === 'sudden' && shift.rampDuration !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['rampDuration'], message: 'only a ramped shift has a rampDuration (set onset: ramped)' });
  }
  if (shift.rampDuration !== undefined && shift.rampDuration <= 0) {
    ctx.addIssue({ code: 'custom', path: ['rampDuration'], message: 'expected a duration above 0' });
  }
  if ((shift.operator === 'column-rename' || shift.operator === 'column-missing') && shift.onset === 'ramped') {
    ctx.addIssue({ code: 'custom', path: ['onset'], message: 'a schema break is sudden: a column is there or it is not' });
  }
  if (shift.operator === 'column-rename' && shift.target.length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: 'expected one column to rename' });
  }
  if (shift.operator === 'category-collapse' && (shift.categories === undefined) === (shift.keep === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['categories'], message: 'expected either categories (to merge) or keep (to merge all others)' });
  }
});

/** The `shifts` list, in the order they apply. */
export const shiftsSection = z.array(shiftSchema);

/** A validated shift (event times in milliseconds, durations in milliseconds, targets as a list). */
export type Shift = z.output<typeof shiftSchema>;
/** The operator names. */
export type ShiftOperator = Shift['operator'];
