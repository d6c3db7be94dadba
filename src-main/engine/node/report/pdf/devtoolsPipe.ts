/**
 * A Chromium started headless and spoken to over the DevTools protocol on a pipe
 * (`--remote-debugging-pipe`: commands as JSON on fd 3, answers and events on fd 4, each message
 * ended by a NUL). No port is opened, so nothing else on the machine can talk to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** A protocol event: `method`, its params, and the session it came from. */
export interface DevtoolsEvent {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly sessionId?: string;
}

type Pending = { resolve(result: Record<string, unknown>): void; reject(error: Error): void };

/** A running headless Chromium with a throwaway profile; `close` ends it and removes the profile. */
export class DevtoolsPipe {
  private readonly child: ChildProcess;
  private readonly profile: string;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: ((event: DevtoolsEvent) => void)[] = [];
  private nextId = 0;
  private buffer = '';
  private stderr = '';
  private exited: Error | null = null;

  constructor(executablePath: string, flags: readonly string[]) {
    this.profile = mkdtempSync(join(tmpdir(), 'rehearsal-chromium-'));
    this.child = spawn(executablePath, ['--headless', '--remote-debugging-pipe', `--user-data-dir=${this.profile}`, ...flags, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      // Keep the end: it says why Chromium stopped, if it does.
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-2000);
    });
    (this.child.stdio[4] as Readable).on('data', (chunk: Buffer) => this.receive(chunk.toString('utf8')));
    // A pipe broken by Chromium's exit is reported through 'exit' below, not as an unhandled stream error.
    (this.child.stdio[3] as Writable).on('error', () => undefined);
    (this.child.stdio[4] as Readable).on('error', () => undefined);
    const fail = (why: string) => {
      this.exited = new Error(`Chromium ${why}${this.stderr.trim() ? `: ${this.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
      for (const pending of this.pending.values()) {
        pending.reject(this.exited);
      }
      this.pending.clear();
    };
    this.child.once('error', (error) => fail(`could not start (${error.message})`));
    this.child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`})`));
  }

  /** Sends a command (to the browser, or to a page's session) and waits for its result. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.exited) {
      return Promise.reject(this.exited);
    }
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.child.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Calls `listener` with every event. */
  onEvent(listener: (event: DevtoolsEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Asks Chromium to close, kills it if it does not within a second, and removes the profile. */
  async close(): Promise<void> {
    if (!this.exited) {
      const exit = new Promise((resolve) => this.child.once('exit', resolve));
      this.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 1000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(this.profile, { recursive: true, force: true });
  }

  private receive(text: string): void {
    this.buffer += text;
    for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
      const message = JSON.parse(this.buffer.slice(0, end)) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) {
          pending?.reject(new Error(`DevTools: ${message.error.message}`));
        } else {
          pending?.resolve(message.result ?? {});
        }
      } else if (message.method !== undefined) {
        const event = { method: message.method, params: message.params ?? {}, ...(message.sessionId ? { sessionId: message.sessionId } : {}) };
        this.listeners.forEach((listener) => listener(event));
      }
    }
  }
}
