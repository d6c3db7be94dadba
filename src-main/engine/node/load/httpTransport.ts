/**
 * The load's HTTP side: a pool of keep-alive HTTP/1.1 connections, sized for the rate, that
 * writes pre-built requests and reads only what the answer's status and framing need. One
 * request per connection at a time (no pipelining, as wrk). A request that finds every
 * connection busy waits in arrival order; not written by its deadline it is dropped, written but
 * not answered by it, a timeout (and its connection is closed, since its answer may still come).
 *
 * node:http's Agent was measured at 2.4x the CPU per request of this pool on the same server
 * (docs/ARCHITECTURE.md, "Load"), enough to make the generator the bottleneck.
 */
import { connect, type Socket } from 'node:net';
import type { Clock } from '../../common/ports/clock';
import type { LoadTransport, PlannedRequest, RequestOutcome } from '../../common/ports/loadTransport';
import { ResponseReader } from './responseReader';

/** Where to send and what. */
export interface HttpTransportOptions {
  /** The endpoint, e.g. http://127.0.0.1:8000/predict. */
  readonly url: URL;
  /** JSON bodies; request `seq` sends body `seq % bodies.length`. */
  readonly bodies: readonly Buffer[];
  /** Most connections open at once. */
  readonly connections: number;
  readonly clock: Clock;
  /** Marked with 1 at each body's index once a request carrying it is written to a connection. */
  readonly written?: Uint8Array;
}

interface Waiting {
  readonly request: PlannedRequest;
  readonly done: (outcome: RequestOutcome) => void;
}

/** How often deadlines are checked: a timeout is seen at most this late. */
const SWEEP_MS = 5;

/** Opens the pool. Connections open on demand; `close()` ends them. */
export function httpTransport(options: HttpTransportOptions): LoadTransport {
  return new HttpConnectionPool(options);
}

class HttpConnectionPool implements LoadTransport {
  private readonly requests: readonly Buffer[];
  private readonly idle: Connection[] = [];
  private readonly open = new Set<Connection>();
  private readonly queue: Waiting[] = [];
  private queueHead = 0;
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: HttpTransportOptions) {
    const { url } = options;
    if (url.protocol !== 'http:') {
      throw new Error(`only http:// endpoints are supported, got ${url.protocol}`);
    }
    const head = `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nAccept: application/json\r\n`;
    this.requests = options.bodies.map((body) => Buffer.concat([Buffer.from(`${head}Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]));
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  send(request: PlannedRequest, done: (outcome: RequestOutcome) => void): void {
    const now = this.options.clock.monotonic();
    // Handed over after its deadline (the generator fell that far behind): never sent.
    if (this.closed || now >= request.deadline) {
      done({ kind: 'dropped', doneAt: now });
      return;
    }
    const waiting = { request, done };
    const connection = this.idle.pop() ?? (this.open.size < this.options.connections ? this.connect() : null);
    if (connection) {
      this.write(connection, waiting);
    } else {
      this.queue.push(waiting);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    const now = this.options.clock.monotonic();
    for (const waiting of this.queue.splice(this.queueHead)) {
      waiting.done({ kind: 'dropped', doneAt: now });
    }
    this.queueHead = 0;
    for (const connection of [...this.open]) {
      this.retire(connection, 'connection closed by the generator');
    }
  }

  private connect(): Connection {
    const { url } = this.options;
    const connection = new Connection(
      connect({ host: url.hostname, port: Number(url.port || 80), noDelay: true }),
      (c, status, keepAlive) => this.answered(c, status, keepAlive),
      (c, cause) => this.retire(c, cause),
    );
    this.open.add(connection);
    return connection;
  }

  private write(connection: Connection, waiting: Waiting): void {
    connection.current = waiting;
    connection.sentAt = this.options.clock.monotonic();
    const body = waiting.request.seq % this.requests.length;
    if (this.options.written !== undefined) {
      this.options.written[body] = 1;
    }
    connection.write(this.requests[body]!);
  }

  private answered(connection: Connection, status: number, keepAlive: boolean): void {
    const current = connection.current;
    connection.current = null;
    if (current) {
      current.done({ kind: 'answered', status, sentAt: connection.sentAt, doneAt: this.options.clock.monotonic() });
    }
    if (!keepAlive) {
      this.retire(connection, null);
      return;
    }
    this.release(connection);
  }

  /** A free connection takes the oldest waiting request that can still make its deadline. */
  private release(connection: Connection): void {
    const next = this.nextWaiting();
    if (next) {
      this.write(connection, next);
    } else {
      this.idle.push(connection);
    }
  }

  private nextWaiting(): Waiting | null {
    const now = this.options.clock.monotonic();
    while (this.queueHead < this.queue.length) {
      const waiting = this.queue[this.queueHead]!;
      this.queueHead += 1;
      if (waiting.request.deadline > now) {
        this.compactQueue();
        return waiting;
      }
      waiting.done({ kind: 'dropped', doneAt: now });
    }
    this.compactQueue();
    return null;
  }

  /** Closes a connection; its request, if any, failed with `cause`. A freed slot serves the queue. */
  private retire(connection: Connection, cause: string | null, timedOut = false): void {
    if (!this.open.delete(connection)) {
      return;
    }
    const index = this.idle.indexOf(connection);
    if (index >= 0) {
      this.idle.splice(index, 1);
    }
    const current = connection.current;
    connection.current = null;
    connection.destroy();
    if (current) {
      const doneAt = this.options.clock.monotonic();
      const sentAt = connection.sentAt;
      current.done(timedOut ? { kind: 'timeout', sentAt, doneAt } : { kind: 'failed', cause: cause ?? 'connection closed', sentAt, doneAt });
    }
    if (!this.closed && this.queueHead < this.queue.length) {
      const next = this.nextWaiting();
      if (next) {
        this.write(this.connect(), next);
      }
    }
  }

  /** Deadlines: in-flight requests past theirs time out; waiting ones past theirs are dropped. */
  private sweep(): void {
    const now = this.options.clock.monotonic();
    for (const connection of [...this.open]) {
      if (connection.current && connection.current.request.deadline <= now) {
        this.retire(connection, null, true);
      }
    }
    while (this.queueHead < this.queue.length && this.queue[this.queueHead]!.request.deadline <= now) {
      this.queue[this.queueHead]!.done({ kind: 'dropped', doneAt: now });
      this.queueHead += 1;
    }
    this.compactQueue();
  }

  private compactQueue(): void {
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }
}

/** One keep-alive socket, the request on it and when that was written. */
class Connection {
  current: Waiting | null = null;
  sentAt = 0;
  private readonly reader: ResponseReader;

  constructor(
    private readonly socket: Socket,
    onAnswer: (connection: Connection, status: number, keepAlive: boolean) => void,
    onFailure: (connection: Connection, cause: string) => void,
  ) {
    this.reader = new ResponseReader((status, keepAlive) => onAnswer(this, status, keepAlive));
    socket.on('data', (chunk: Buffer) => {
      try {
        this.reader.push(chunk);
      } catch (error) {
        onFailure(this, error instanceof Error ? error.message : String(error));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => onFailure(this, error.code ?? error.message));
    socket.on('close', () => {
      this.reader.end();
      onFailure(this, 'connection closed');
    });
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  destroy(): void {
    this.socket.destroy();
  }
}
