/**
 * A zod issue in words: the field path as a person writes it and what was expected. Shared by
 * the doors that validate with zod (scenario files, HTTP bodies), so they speak alike.
 */
import type { z } from 'zod';

/** `snapshots.production.timestamp`, `shifts[2].start`, `inputs[0].data`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .filter((p): p is string | number => typeof p !== 'symbol')
    .reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`), '');
}

/** What was expected (and found, when zod says), without the path. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const nonFinite = nonFiniteNumber(issue);
  if (nonFinite !== null) {
    return `expected a finite number, got ${nonFinite}`;
  }
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)/.exec(issue.message)?.[1];
    return received === 'undefined' ? `missing; expected ${issue.expected}` : `expected ${issue.expected}, got ${received ?? 'another type'}`;
  }
  if (issue.code === 'invalid_value') {
    return `expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'too_small') {
    return `expected ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
  }
  if (issue.code === 'too_big') {
    return `expected ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
  }
  if (
    issue.code === 'invalid_union' &&
    issue.errors.length > 0 &&
    issue.errors.every((branch) => branch[0]?.code === 'invalid_type' && branch[0].path.length === 0)
  ) {
    const expected = issue.errors.map((branch) => (branch[0] as { expected: string }).expected);
    const received = /received (\w+)/.exec(issue.errors[0]![0]!.message)?.[1];
    return `expected ${expected.slice(0, -1).join(', ')}${expected.length > 1 ? ' or ' : ''}${expected.at(-1)}${received ? `, got ${received}` : ''}`;
  }
  return issue.message;
}

/**
 * zod refuses Infinity and NaN as numbers but words it "expected number, received number"; JSON
 * reads a number past float64's range (1e400) as Infinity. The value zod saw, or null.
 */
function nonFiniteNumber(issue: z.core.$ZodIssue): string | null {
  const branches = issue.code === 'invalid_union' ? issue.errors.map((branch) => branch[0]) : [issue];
  for (const branch of branches) {
    const received = (branch as { received?: unknown } | undefined)?.received;
    if (branch?.code === 'invalid_type' && branch.expected === 'number' && (received === 'Infinity' || received === '-Infinity' || received === 'NaN')) {
      return received === 'NaN' ? 'NaN' : 'Infinity (JSON numbers beyond ±1.8e308, such as 1e400, read as Infinity)';
    }
  }
  return null;
}
