/**
 * RehearsalApi as messages (contract/wire.ts) on the Node side: the shape of a call checked with
 * zod, and errors turned into plain data and back, keeping the InputError's name and field.
 */
import { z } from 'zod';
import type { ApiCall, WireError } from '../../../contract/wire';
import { InputError } from '../run/inputError';
import { ApiRefusal } from './apiArguments';

const CALL = z.strictObject({
  type: z.literal('call'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  member: z.string().max(64),
  args: z.array(z.unknown()).max(8),
});

/** Parses a message that should be a call; its member and arguments are checked by `dispatchCall`. */
export function parseCall(message: unknown): ApiCall {
  const parsed = CALL.safeParse(message);
  if (!parsed.success) {
    throw new ApiRefusal(`not a call: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data as ApiCall;
}

/** An error as plain data. */
export function toWireError(error: unknown): WireError {
  if (error instanceof InputError) {
    return { name: error.name, message: error.message, where: error.where };
  }
  if (error instanceof Error) {
    return { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
}

/** The error again on the receiving side: an InputError stays one (the CLI's exit 2, the UI's field). */
export function fromWireError(wire: WireError): Error {
  if (wire.name === 'InputError' && wire.where !== undefined) {
    const problem = wire.message.startsWith(`${wire.where}: `) ? wire.message.slice(wire.where.length + 2) : wire.message;
    return new InputError(wire.where, problem);
  }
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}
