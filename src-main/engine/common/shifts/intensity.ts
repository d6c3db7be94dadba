/**
 * How strongly a shift acts at an event time: 0 outside [start, end), 1 inside for a sudden
 * shift, rising linearly from 0 at start to 1 after the ramp for a ramped one.
 */
import type { Shift } from '../scenario/sections/shifts';

/** The part of a shift that says when and how strongly it acts. */
export type ShiftTiming = Pick<Shift, 'start' | 'end' | 'onset' | 'rampDuration'>;

/** True while the shift is on: start <= t < end. */
export function inSpan(shift: ShiftTiming, t: number): boolean {
  return t >= shift.start && (shift.end === undefined || t < shift.end);
}

/** The shift's strength at event time t, in [0, 1]. */
export function intensityAt(shift: ShiftTiming, t: number): number {
  if (!inSpan(shift, t)) {
    return 0;
  }
  if (shift.onset === 'sudden') {
    return 1;
  }
  const ramp = shift.rampDuration ?? (shift.end ?? Number.POSITIVE_INFINITY) - shift.start;
  return Math.min(1, (t - shift.start) / ramp);
}
