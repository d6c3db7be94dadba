/**
 * Tests by layer (STYLE.md 12): test/engine (in-memory ports), test/integration (real ORT, DuckDB,
 * HTTP, Docker, Prometheus), test/cli (the built `rehearse` as a process), test/electron (mocked
 * electron), test/renderer (components with a fake RehearsalApi; happy-dom, chosen per file),
 * test/e2e (playwright-core driving Debian chromium against browser mode), test/install,
 * test/lint. The global setup builds the CLI and server bundles once if they are missing.
 *
 * test/timing holds the tests whose assertions compare latencies (a fault against a baseline
 * measured in the same test): they run in their own project, one file at a time, after every
 * other file has finished, so no other test competes for the two cores while they measure.
 */
import { defineConfig } from 'vitest/config';

const TIMING = 'test/timing/**/*.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['test/support/globalSetup.ts'],
    setupFiles: ['test/support/checkProducedLogs.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { ORT_DISABLE_TELEMETRY: '1' },
    projects: [
      {
        extends: true,
        test: { name: 'parallel', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: [TIMING, '**/node_modules/**'], sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'timing', include: [TIMING], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
