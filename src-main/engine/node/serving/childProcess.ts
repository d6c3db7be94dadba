/**
 * A child process as the embedded server and router both run one: its standard output a JSON
 * event a line, its standard error lines for people (the last few kept to explain an exit), and
 * its end asked for with SIGTERM, then SIGKILL after a grace period.
 */
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';

/** Lines of stderr kept to explain an exit. */
const TAIL_LINES = 20;

/** Calls `onEvent` with each line that parses as JSON and `onText` with any other. */
export function readEventLines<T>(stream: Readable, onEvent: (event: T) => void, onText: (line: string) => void = () => undefined): void {
  createInterface({ input: stream }).on('line', (line) => {
    let event: T;
    try {
      event = JSON.parse(line) as T;
    } catch {
      onText(line);
      return;
    }
    onEvent(event);
  });
}

/** Keeps the last lines of `stream` (returned, and filled as they come) and hands each to `onLine`. */
export function tailLines(stream: Readable, onLine: (line: string) => void = () => undefined): string[] {
  const tail: string[] = [];
  createInterface({ input: stream }).on('line', (line) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) {
      tail.shift();
    }
    onLine(line);
  });
  return tail;
}

/** SIGTERM if it still runs, SIGKILL after `graceMs`; resolves with `exited`. */
export async function terminate<T>(child: ChildProcess, exited: Promise<T>, graceMs: number): Promise<T> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return exited;
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
