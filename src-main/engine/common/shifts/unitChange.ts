/**
 * unit-change: the upstream system starts sending another unit (miles to km). While ramping,
 * each row has switched with probability equal to the intensity: a mix of units, as during a
 * staggered rollout upstream.
 */
import type { UnitChange } from '../scenario/sections/shifts';
import { numericTarget, withColumn } from './chunkEdits';
import { inSpan, intensityAt } from './intensity';
import type { ApplyShift } from './shiftOperator';

const MILE_KM = 1.609344;
const FOOT_M = 0.3048;
const POUND_KG = 0.45359237;

/** The conversions, exact by definition of the units. */
export const CONVERSIONS: Readonly<Record<UnitChange, (x: number) => number>> = {
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

export const applyUnitChange: ApplyShift<'unit-change'> = (chunk, shift, rng, where) => {
  const convert = CONVERSIONS[shift.units];
  // Decide per row once, so every target column of a row switches together.
  const switched = new Uint8Array(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) {
    const t = chunk.eventTime[i]!;
    if (inSpan(shift, t)) {
      switched[i] = rng.next() < intensityAt(shift, t) ? 1 : 0;
    }
  }
  let out = chunk;
  for (const name of shift.target) {
    const column = numericTarget(chunk, name, `${where}.target`, 'unit-change');
    if (column === null) {
      continue;
    }
    const values = Float64Array.from(column.values);
    for (let i = 0; i < chunk.rowCount; i++) {
      if (switched[i] && column.valid[i]) {
        values[i] = convert(values[i]!);
      }
    }
    out = withColumn(out, name, { kind: 'number', values, valid: column.valid });
  }
  return out;
};
