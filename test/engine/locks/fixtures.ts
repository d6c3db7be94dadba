/** The committed lock fixtures, read as text for the pure parsers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../support/paths';

export const LOCKS = join(ROOT, 'test/fixtures/locks');

/** The text of a fixture under test/fixtures/locks. */
export function lockText(name: string): string {
  return readFileSync(join(LOCKS, name), 'utf8');
}

/** Expects `parse` to throw an InputError at `where` whose problem contains `problem`. */
export function expectInputError(parse: () => unknown, where: string, problem: string): void {
  const error = inputErrorOf(parse);
  expect(error.where).toBe(where);
  expect(error.problem).toContain(problem);
}

/** Runs `parse` and returns the InputError it throws, so a test can read `where` and `problem`. */
export function inputErrorOf(parse: () => unknown): { where: string; problem: string } {
  try {
    parse();
  } catch (error) {
    if (error instanceof Error && error.name === 'InputError') {
      return error as unknown as { where: string; problem: string };
    }
    throw error;
  }
  throw new Error('expected an InputError, but the input was accepted');
}

/** Versions and the canonical forms packaging's canonicalize_version(strip_trailing_zero=True) gives (checked against it in test/integration). */
export const VERSION_CASES: readonly (readonly [string, string | null])[] = [
  ['1.0', '1'],
  ['1.0.0', '1'],
  ['v1.26.4', '1.26.4'],
  ['1.4.1.post1', '1.4.1.post1'],
  ['1.0-1', '1.post1'],
  ['1.0.post', '1.post0'],
  ['1.0RC1', '1rc1'],
  ['1.0.c2', '1rc2'],
  ['2.0.0-alpha.3', '2a3'],
  ['1.0.dev4', '1.dev4'],
  ['1!2.0', '1!2'],
  ['0!2.0', '2'],
  ['2.1.0+CU121', '2.1+cu121'],
  ['2.1.0+cu121', '2.1+cu121'],
  ['2024.01.05', '2024.1.5'],
  ['1.5.6-r.1', '1.5.6.post1'],
  ['1.1.1w', null],
  ['not a version', null],
];
