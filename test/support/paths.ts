/** Paths the tests use. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const FLIGHTS_3M = join(ROOT, 'node_modules/vega-datasets/data/flights-3m.parquet');
export const SMOKE = join(ROOT, 'scenarios/smoke.yaml');

/** A fresh temporary folder. */
export function tempDir(prefix = 'rehearsal-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
