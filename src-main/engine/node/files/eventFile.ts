/**
 * events.jsonl on disk. Each event is written with a synchronous write as it is appended, so a
 * run killed midway (even by SIGKILL) leaves every event it had appended.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunEvent } from '../../../contract/events';
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
 * Reads a log. A last line cut short by a kill is dropped and reported in `torn`; a bad line
 * anywhere else is an InputError naming its line.
 */
export function readEventFile(path: string): { events: RunEvent[]; torn: boolean } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(path, 'event log not found: expected an events.jsonl written by `rehearse run`');
  }
  const lines = text.split('\n');
  const events: RunEvent[] = [];
  let torn = false;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    const isLast = index === lines.length - 1 || lines.slice(index + 1).every((l) => l.trim() === '');
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (isLast && !text.endsWith('\n')) {
        torn = true;
        return;
      }
      throw new InputError(`${path}:${index + 1}`, 'expected one JSON event per line');
    }
    if (!isEventShape(value)) {
      throw new InputError(`${path}:${index + 1}`, 'expected an event with seq, eventTime, wallTime and kind');
    }
    events.push(value);
  });
  return { events, torn };
}

function isEventShape(value: unknown): value is RunEvent {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const v = value as Record<string, unknown>;
  return (
    typeof v['seq'] === 'number' &&
    typeof v['kind'] === 'string' &&
    typeof v['wallTime'] === 'string' &&
    (v['eventTime'] === null || typeof v['eventTime'] === 'string')
  );
}
