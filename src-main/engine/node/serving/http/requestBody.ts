/**
 * Request parsing at the door: the one place a body becomes a typed request or a refusal (4xx)
 * naming the field and what was expected. Every route that reads JSON comes through
 * `readJsonRequest` (and the router's forwarded bytes through `readRawRequest`), so a rule about
 * what a body may be (its media type, its encoding, numbers JSON cannot hold) is written here
 * once; inside, handlers trust the types.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { problemMessage, problemOfIssue, type RequestParse, type RequestProblem } from '../../../common/serving/requestProblem';
import { BodyError, readBody, readBodyBuffer, sendJson } from './httpMessages';
import type { Exchange, Handler } from './routeTable';

/** A request the server will not take: the status, and what was wrong with it. */
export interface Refusal {
  readonly status: number;
  /** The whole message, field first when there is one. */
  readonly error: string;
  /** The field to blame ('' for the whole body), or null when the request itself is refused (too large, cut short). */
  readonly problem: RequestProblem | null;
}

/** A typed request, or why there is none. */
export type RequestRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

/** Turns the JSON of a body into a typed request (the common layer's parsers, or `schemaParser`). */
export type BodyParser<T> = (json: unknown) => RequestParse<T>;

/** A refusal for one field's problem (400 unless said). */
export function fieldRefusal(problem: RequestProblem, status = 400): Refusal {
  return { status, error: problemMessage(problem), problem };
}

/** A refusal of the request as a whole: no field to name. */
export function requestRefusal(status: number, error: string): Refusal {
  return { status, error, problem: null };
}

/** The body of a refusal's answer: `error`, and `field` and `expected` when a field is to blame. */
export function refusalBody(refusal: Refusal): { readonly error: string; readonly field?: string; readonly expected?: string } {
  return refusal.problem === null ? { error: refusal.error } : { error: refusal.error, field: refusal.problem.field, expected: refusal.problem.expected };
}

/** Writes a refusal as JSON. */
export function sendRefusal(response: ServerResponse, refusal: Refusal, headers?: Readonly<Record<string, string>>): void {
  sendJson(response, refusal.status, refusalBody(refusal), headers);
}

/** A parser from a zod schema: its value, or its first issue as the field and what was expected. */
export function schemaParser<T>(schema: z.ZodType<T>): BodyParser<T> {
  return (json) => {
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: problemOfIssue(parsed.error.issues[0]!) };
  };
}

/**
 * Reads the body, decodes it as JSON and parses it. `shape` says what body the route expects,
 * for a body that is not JSON at all ("expected a JSON body of faults").
 */
export async function readJsonRequest<T>(request: IncomingMessage, parse: BodyParser<T>, shape = 'expected a JSON body'): Promise<RequestRead<T>> {
  let json: unknown;
  try {
    json = JSON.parse(await readBody(request));
  } catch (error) {
    if (error instanceof BodyError) {
      return { ok: false, refusal: requestRefusal(error.status, error.message) };
    }
    return { ok: false, refusal: fieldRefusal({ field: '', expected: `${shape} (${error instanceof Error ? error.message : String(error)})` }) };
  }
  const parsed = parse(json);
  return parsed.ok ? parsed : { ok: false, refusal: fieldRefusal(parsed.problem) };
}

/** The body as bytes, for a router that passes it on unread; too large or cut short is a refusal. */
export async function readRawRequest(request: IncomingMessage): Promise<RequestRead<Buffer>> {
  try {
    return { ok: true, value: await readBodyBuffer(request) };
  } catch (error) {
    return { ok: false, refusal: requestRefusal(error instanceof BodyError ? error.status : 400, error instanceof Error ? error.message : String(error)) };
  }
}

/** A handler that reads its body first: a refusal is answered before `handle` runs, which gets the typed request. */
export function withJsonBody<T>(parse: BodyParser<T>, shape: string, handle: (exchange: Exchange, body: T) => Promise<void> | void): Handler {
  return async (exchange) => {
    const read = await readJsonRequest(exchange.request, parse, shape);
    if (!read.ok) {
      sendRefusal(exchange.response, read.refusal);
      return;
    }
    return handle(exchange, read.value);
  };
}
