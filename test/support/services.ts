/**
 * A test whose real service is missing skips with the reason on a developer's machine; under
 * `.ci/run` (REHEARSAL_REQUIRE_SERVICES=1) the same absence fails, so CI never passes by skipping.
 */
import type { TestContext } from 'vitest';

/** True when missing services must fail instead of skip. */
export const SERVICES_REQUIRED = process.env['REHEARSAL_REQUIRE_SERVICES'] === '1';

/** Skips (or, under CI, fails) the test when `available` is false. */
export function requireService(context: TestContext, available: boolean, reason: string): void {
  if (available) {
    return;
  }
  if (SERVICES_REQUIRED) {
    throw new Error(`required service missing (REHEARSAL_REQUIRE_SERVICES=1): ${reason}`);
  }
  context.skip(`service missing: ${reason}`);
}
