/**
 * Tests by layer (STYLE.md 12): test/engine (in-memory ports), test/integration (real ORT, DuckDB,
 * HTTP, Docker, Prometheus), test/cli (the built `rehearse` as a process), test/electron (mocked
 * electron), test/install, test/lint. The global setup builds the CLI once if it is missing.
 *
 * Files named `*.serial.test.ts` measure latency (STYLE.md 12: "those tests run one file at a
 * time"): they run after every other file, one at a time, so no other test shares the CPU while
 * they compare a fault with the baseline they measured.
 */
import { defineConfig } from 'vitest/config';

const SERIAL = 'test/**/*.serial.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { ORT_DISABLE_TELEMETRY: '1' },
    projects: [
      {
        extends: true,
        test: { name: 'parallel', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: [SERIAL], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'serial', include: [SERIAL], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
