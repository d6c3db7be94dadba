/**
 * Every events.jsonl the tests produce is read back through the schema-checking reader once the
 * test file ends (vitest.config.ts runs `checkProducedLogs` after each file), so a phase that
 * writes an event its schema refuses fails the suite, whichever test ran it. A test that writes a
 * bad log on purpose names it something other than events.jsonl.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readEventFile } from '../../src-main/engine/node/files/eventFile';

/** Paths of every events.jsonl under the folders, however deep. */
export function findLogs(folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.name === 'events.jsonl') {
        found.push(path);
      }
    }
  };
  folders.filter((folder) => existsSync(folder)).forEach(walk);
  return found;
}

/** What the reader says of each log it refuses (none: every log fits its schema). */
export function refusedLogs(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    try {
      readEventFile(path);
      return [];
    } catch (error) {
      return [error instanceof Error ? error.message : String(error)];
    }
  });
}
