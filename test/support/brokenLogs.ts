/** Real logs with one line made wrong on purpose, for the tests of the doors that read logs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './paths';

/** An event as a plain JSON object, to be edited. */
export type EventJson = Record<string, unknown> & { kind: string };

/**
 * Copies a log to `broken.jsonl` (a name the produced-logs check leaves alone) with the first event
 * of `kind` replaced by what `edit` makes of it; returns the copy and that event's 1-based line.
 */
export function brokenLog(logPath: string, kind: string, edit: (event: EventJson) => unknown): { path: string; line: number } {
  const lines = readFileSync(logPath, 'utf8').split('\n');
  const index = lines.findIndex((text) => text !== '' && (JSON.parse(text) as EventJson).kind === kind);
  if (index < 0) {
    throw new Error(`${logPath} has no ${kind} event`);
  }
  lines[index] = JSON.stringify(edit(JSON.parse(lines[index]!) as EventJson));
  const path = join(tempDir(), 'broken.jsonl');
  writeFileSync(path, lines.join('\n'));
  return { path, line: index + 1 };
}
