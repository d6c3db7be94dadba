/**
 * Tests by layer (STYLE.md 12): test/engine (in-memory ports), test/integration (real ORT, DuckDB,
 * HTTP, Docker, Prometheus), test/cli (the built `rehearse` as a process), test/electron (mocked
 * electron), test/renderer (components with a fake RehearsalApi; happy-dom, chosen per file),
 * test/e2e (playwright-core driving Debian chromium against browser mode), test/install,
 * test/lint. The global setup builds the CLI once if it is missing.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { ORT_DISABLE_TELEMETRY: '1' },
  },
});
