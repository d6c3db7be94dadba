/**
 * Docker's progress streams (build, import) as messages. Docker reports a failed build inside the
 * stream (`{"error": ...}`), not as an HTTP error, and dockerode's own `followProgress` calls
 * `JSON.parse` on each line inside a stream handler, so one line that is not JSON throws where
 * nobody can catch it and takes the app down. Here a line that is not JSON is kept as text.
 */
import type { Readable } from 'node:stream';

/** One line of a progress stream: Docker's JSON message, or the raw text of a line that was not JSON. */
export interface ProgressMessage {
  readonly stream?: string;
  readonly status?: string;
  readonly error?: string;
  readonly errorDetail?: { readonly message?: string };
  readonly aux?: { readonly ID?: string };
  /** Set when the line was not JSON. */
  readonly text?: string;
}

/** What a whole stream said: its messages, and the first error it reported (null when none). */
export interface ProgressOutcome {
  readonly messages: readonly ProgressMessage[];
  readonly error: string | null;
}

/** Reads the stream to its end; never throws for what a line contains, only for the stream failing. */
export function readProgress(stream: Readable, onMessage: (message: ProgressMessage) => void = () => undefined): Promise<ProgressOutcome> {
  return new Promise((resolve, reject) => {
    const messages: ProgressMessage[] = [];
    let error: string | null = null;
    let pending = '';
    const take = (line: string): void => {
      const trimmed = line.trim();
      if (trimmed === '') {
        return;
      }
      const message = parseLine(trimmed);
      messages.push(message);
      if (error === null && (message.error !== undefined || message.errorDetail?.message !== undefined)) {
        error = message.errorDetail?.message ?? message.error ?? 'unknown error';
      }
      onMessage(message);
    };
    stream.on('data', (chunk: Buffer | string) => {
      pending += chunk.toString();
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        take(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
      }
    });
    stream.once('error', reject);
    stream.once('end', () => {
      take(pending);
      resolve({ messages, error });
    });
  });
}

function parseLine(line: string): ProgressMessage {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ProgressMessage) : { text: line };
  } catch {
    return { text: line };
  }
}

/** The last lines a build printed, for an error message. */
export function lastOutput(messages: readonly ProgressMessage[], lines = 8): string {
  return messages
    .map((m) => (m.stream ?? m.status ?? m.text ?? '').trimEnd())
    .filter((line) => line !== '')
    .slice(-lines)
    .join('\n');
}
