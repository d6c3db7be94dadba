/**
 * An in-memory server behind an in-memory connection pool, on virtual time: the LoadTransport
 * port for the driver's unit tests. Like the HTTP pool, a request waits for a free connection in
 * arrival order, is dropped when none frees up before its deadline, and times out when written
 * but not answered by it.
 */
import type { LoadTransport, PlannedRequest, RequestOutcome } from '../../src-main/engine/common/ports/loadTransport';
import type { VirtualTime } from './virtualTime';

/** How the in-memory server behaves. */
export interface MemoryTargetOptions {
  /** Connections the client may hold; Infinity for one per request. */
  readonly connections: number;
  /** When the server answers a request written at `sentAt` (virtual ms), and with which status. */
  readonly answer: (sentAt: number, seq: number) => { readonly at: number; readonly status: number };
}

/** The transport, and what it saw. */
export interface MemoryTarget extends LoadTransport {
  /** Virtual times at which the driver handed over each request, in order. */
  readonly handedOver: number[];
  /** Virtual times at which requests were written to a connection. */
  readonly written: number[];
}

/** A transport on `time` that serves requests as `options` says. */
export function memoryLoadTarget(time: VirtualTime, options: MemoryTargetOptions): MemoryTarget {
  const handedOver: number[] = [];
  const written: number[] = [];
  const queue: { request: PlannedRequest; resolve: (o: RequestOutcome) => void }[] = [];
  let busy = 0;

  const write = (request: PlannedRequest, resolve: (o: RequestOutcome) => void): void => {
    const sentAt = time.clock.monotonic();
    written.push(sentAt);
    busy += 1;
    const { at, status } = options.answer(sentAt, request.seq);
    const free = (): void => {
      busy -= 1;
      const next = queue.shift();
      if (next) {
        tryWrite(next.request, next.resolve);
      }
    };
    if (at >= request.deadline) {
      time.at(request.deadline, () => {
        resolve({ kind: 'timeout', sentAt, doneAt: request.deadline });
        free();
      });
    } else {
      time.at(at, () => {
        resolve({ kind: 'answered', status, sentAt, doneAt: at });
        free();
      });
    }
  };
  const tryWrite = (request: PlannedRequest, resolve: (o: RequestOutcome) => void): void => {
    const now = time.clock.monotonic();
    if (now >= request.deadline) {
      resolve({ kind: 'dropped', doneAt: now });
      const next = queue.shift();
      if (next) {
        tryWrite(next.request, next.resolve);
      }
      return;
    }
    write(request, resolve);
  };

  return {
    handedOver,
    written,
    send(request) {
      handedOver.push(time.clock.monotonic());
      return new Promise((resolve) => {
        if (time.clock.monotonic() >= request.deadline) {
          resolve({ kind: 'dropped', doneAt: time.clock.monotonic() });
        } else if (busy < options.connections) {
          write(request, resolve);
        } else {
          queue.push({ request, resolve });
          // A request still waiting at its deadline is dropped then, as the HTTP pool's sweep does.
          time.at(request.deadline, () => {
            const i = queue.findIndex((q) => q.request === request);
            if (i >= 0) {
              queue.splice(i, 1);
              resolve({ kind: 'dropped', doneAt: request.deadline });
            }
          });
        }
      });
    },
    async close() {},
  };
}
