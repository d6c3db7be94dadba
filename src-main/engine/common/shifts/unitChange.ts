/**
 * unit-change: the upstream system starts sending another unit (miles to km). While ramping,
 * each row has switched with probability equal to the intensity: a mix of units, as during a
 * staggered rollout upstream.
 */
import type { UnitChange } from '../scenario/sections/shifts';
import { mapNumericTargets } from './chunkEdits';
import { drawRows } from './rowDraws';
import type { ApplyShift } from './shiftOperator';

const MILE_KM = 1.609344;
const FOOT_M = 0.3048;
const POUND_KG = 0.45359237;

/** The conversions, exact by definition of the units. */
const CONVERSIONS: Readonly<Record<UnitChange, (x: number) => number>> = {
  'miles-to-km': (x) => x * MILE_KM,
  'km-to-miles': (x) => x / MILE_KM,
  'feet-to-meters': (x) => x * FOOT_M,
  'meters-to-feet': (x) => x / FOOT_M,
  'pounds-to-kg': (x) => x * POUND_KG,
  'kg-to-pounds': (x) => x / POUND_KG,
  'minutes-to-seconds': (x) => x * 60,
  'seconds-to-minutes': (x) => x / 60,
  'celsius-to-fahrenheit': (x) => (x * 9) / 5 + 32,
  'fahrenheit-to-celsius': (x) => ((x - 32) * 5) / 9,
};

/** Converts the non-null values of each target on the rows that have switched. */
export const applyUnitChange: ApplyShift<'unit-change'> = (chunk, shift, rng, where) => {
  const convert = CONVERSIONS[shift.units];
  // One draw per row, so every target column of a row switches together.
  const switched = drawRows(chunk, shift, rng, (w) => w);
  return mapNumericTargets(chunk, shift.target, where, 'unit-change', (x, i) => (switched[i] ? convert(x) : x));
};
