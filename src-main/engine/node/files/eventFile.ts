/**
 * events.jsonl on disk. Each event is written with a synchronous write as it is appended, so a
 * run killed midway (even by SIGKILL) leaves every event it had appended.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunEvent } from '../../../contract/events';
import { checkEvent } from '../../common/events/runEvent';
import type { EventWriter } from '../../common/ports/eventSink';
import { InputError } from '../../common/run/inputError';

/** Appends events to a JSON lines file, one synchronous write per event. */
export class EventFileWriter implements EventWriter {
  private fd: number | null;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  write(event: RunEvent): void {
    if (this.fd === null) {
      throw new Error(`event log ${this.path} is closed`);
    }
    writeSync(this.fd, `${JSON.stringify(event)}\n`);
  }

  close(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }
}

/**
 * Reads a log, every line checked against the envelope and the schema of its kind
 * (engine/common/events). A last line cut short by a kill is dropped and reported in `torn`; a
 * bad line anywhere else is an InputError naming the file, its 1-based line, the event's kind and
 * the field, with what was expected, and never the line's contents.
 */
export function readEventFile(path: string): { events: RunEvent[]; torn: boolean } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(path, 'event log not found: expected an events.jsonl written by `rehearse run`');
  }
  const lines = text.split('\n');
  // Only the last line with content, written without its newline, can be one a kill cut short.
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') {
    last -= 1;
  }
  const events: RunEvent[] = [];
  let torn = false;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (index === last && !text.endsWith('\n')) {
        torn = true;
        return;
      }
      throw new InputError(`${path}:${index + 1}`, 'expected one JSON event per line');
    }
    const checked = checkEvent(value);
    if (!checked.ok) {
      throw new InputError(`${path}:${index + 1}`, checked.problem);
    }
    events.push(checked.event);
  });
  return { events, torn };
}
