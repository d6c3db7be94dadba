/** `rehearse ui` as a process, and a WebSocket client of its API, for the CLI and e2e tests. */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { WebSocket } from 'ws';
import type { RunEvent } from '../../src-main/contract/events';
import type { ApiEvent, ApiReply, ServerMessage } from '../../src-main/contract/wire';
import { startRehearse } from './cli';
import { tempDir } from './paths';

/** A running `rehearse ui`. */
export interface BrowserMode {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly runs: string;
  readonly child: ChildProcess;
  stderr(): string;
  stop(): Promise<number | null>;
}

/** Starts `rehearse ui --port 0 --runs <temp> ...args` and waits for the address it prints. */
export async function startBrowserMode(args: readonly string[] = []): Promise<BrowserMode> {
  const runs = tempDir('rehearsal-ui-runs-');
  const child = startRehearse(['ui', '--port', '0', '--runs', runs, ...args]);
  let stdout = '';
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Ready once the address is on stdout and the engine's line on stderr.
    const ready = (): void => {
      const found = /Rehearsal is open at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(stdout);
      if (found && stderr.includes('Ctrl-C stops.')) {
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      ready();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += String(chunk);
      ready();
    });
    child.once('exit', (code) => reject(new Error(`rehearse ui exited with ${code} before printing its address:\n${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    runs,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) {
        return child.exitCode;
      }
      child.kill('SIGINT');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

/** A page's WebSocket to the API, from Node: calls by id, events kept in order. */
export class ApiSocket {
  readonly events: { runId: string; event: RunEvent }[] = [];
  private readonly replies = new Map<number, (reply: ApiReply) => void>();
  private readonly waiters: { test: (e: ApiEvent) => boolean; resolve: (e: RunEvent) => void }[] = [];
  private nextId = 1;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if (message.type === 'reply') {
        this.replies.get(message.id)?.(message);
        this.replies.delete(message.id);
        return;
      }
      this.events.push({ runId: message.runId, event: message.event });
      for (const waiter of [...this.waiters]) {
        if (waiter.test(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message.event);
        }
      }
    });
  }

  /** Opens the API socket the way the page does: same origin, the token in the cookie. */
  static async open(mode: Pick<BrowserMode, 'origin' | 'token'>): Promise<ApiSocket> {
    const ws = new WebSocket(`${mode.origin.replace('http', 'ws')}/api`, { headers: { Cookie: `rehearsal_token=${mode.token}`, Origin: mode.origin } });
    await once(ws, 'open');
    return new ApiSocket(ws);
  }

  /** Sends a raw message and waits for the reply with `id`. */
  send(message: unknown, id: number): Promise<ApiReply> {
    return new Promise((resolve) => {
      this.replies.set(id, resolve);
      this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
    });
  }

  /** Calls a member; resolves with its value, rejects with the error's message. */
  async call<T = unknown>(member: string, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    const reply = await this.send({ type: 'call', id, member, args }, id);
    if (!reply.ok) {
      throw new Error(`${reply.error.name}: ${reply.error.message}`);
    }
    return reply.value as T;
  }

  /** The first event of `runId` (already received or to come) that passes `test`. */
  nextEvent(runId: string, test: (event: RunEvent) => boolean): Promise<RunEvent> {
    const seen = this.events.find((e) => e.runId === runId && test(e.event));
    if (seen) {
      return Promise.resolve(seen.event);
    }
    return new Promise((resolve) => this.waiters.push({ test: (m) => m.runId === runId && test(m.event), resolve }));
  }

  close(): void {
    this.ws.close();
  }
}

/** The status code a WebSocket upgrade is answered with (101 when it opens). */
export async function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  const ws = new WebSocket(url, { headers });
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
    });
    ws.once('error', () => resolve(0));
  });
}
