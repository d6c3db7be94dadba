/** The committed lock fixtures, read as text for the pure parsers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/paths';

export const LOCKS = join(ROOT, 'test/fixtures/locks');

/** The text of a fixture under test/fixtures/locks. */
export function lockText(name: string): string {
  return readFileSync(join(LOCKS, name), 'utf8');
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
