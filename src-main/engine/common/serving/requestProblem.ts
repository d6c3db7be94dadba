/** A request the server cannot take (HTTP 400): the field, what was expected, in one message. */
import type { z } from 'zod';
import { describeIssue, formatPath } from '../validation/zodIssue';

/** What is wrong with a request body. */
export interface RequestProblem {
  /** The field path (`features.distance`, `inputs[0].data`), or '' for the whole body. */
  readonly field: string;
  /** What was expected there and what was found. */
  readonly expected: string;
}

/** The parse of a request: its value, or the first problem. */
export type RequestParse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: RequestProblem };

/** `field: expected ...`, or just the expectation for the whole body. */
export function problemMessage(problem: RequestProblem): string {
  return problem.field === '' ? problem.expected : `${problem.field}: ${problem.expected}`;
}

/** A failed parse at `field`. */
export function refuse<T>(field: string, expected: string): RequestParse<T> {
  return { ok: false, problem: { field, expected } };
}

/** A zod issue of the value found at `prefix` (path parts before the issue's own) as a problem. */
export function problemOfIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): RequestProblem {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return { field: formatPath([...path, issue.keys[0] ?? '']), expected: 'unknown key' };
  }
  return { field: formatPath(path), expected: describeIssue(issue) };
}

/** A failed parse from a zod issue. */
export function refuseIssue<T>(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): RequestParse<T> {
  return { ok: false, problem: problemOfIssue(issue, prefix) };
}
