/**
 * A scenario section whose capability has not landed yet. Accepting it silently would let a
 * scenario look covered when it is not, so any value is refused with the reason.
 */
import { z } from 'zod';

/** A schema that accepts only absence, naming the capability that will bring the section. */
export function notYet(capability: string) {
  return z.unknown().superRefine((value, ctx) => {
    if (value !== undefined) {
      ctx.addIssue({ code: 'custom', message: `not supported by this version yet (arrives with ${capability})` });
    }
  });
}
