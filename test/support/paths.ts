/** Paths the tests use. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const FLIGHTS_3M = join(ROOT, 'node_modules/vega-datasets/data/flights-3m.parquet');
export const SMOKE = join(ROOT, 'scenarios/smoke.yaml');

const created: string[] = [];

/** A fresh temporary folder. */
export function tempDir(prefix = 'rehearsal-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Every folder `tempDir` made in this test file's process, oldest first (test/support/producedLogs.ts reads the logs in them). */
export function tempDirsMade(): readonly string[] {
  return created;
}
