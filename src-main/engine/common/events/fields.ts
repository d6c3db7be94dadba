/** Small schemas every event file uses, so the same field is checked the same way everywhere. */
import { z } from 'zod';

/** A list (the agreement reads it as the contract's `readonly T[]`, see `Frozen`). */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item);
}

/** The side of a blue/green rehearsal a model plays. */
export const role = z.enum(['blue', 'green']);

/** A number, or null where it could not be computed. */
export const maybeNumber = z.number().nullable();

/** A string, or null where there is none. */
export const maybeString = z.string().nullable();

/** A time as the log writes it: event time (`2001-03-01T06:00:00`, no zone when the data has none) or wall time (ISO, UTC). */
export const timeText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/, 'expected an ISO time like 2001-03-01T06:00:00');
