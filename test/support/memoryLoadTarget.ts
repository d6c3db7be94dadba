/**
 * An in-memory server behind an in-memory connection pool, on virtual time: the LoadTransport
 * port for the driver's unit tests. Like the HTTP pool, a request waits for a free connection in
 * arrival order, is dropped when handed over (or still waiting) at its deadline, and times out
 * when written but not answered by it.
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
}

type Resolve = (outcome: RequestOutcome) => void;

/** A transport on `time` that serves requests as `options` says. */
export function memoryLoadTarget(time: VirtualTime, options: MemoryTargetOptions): MemoryTarget {
  const handedOver: number[] = [];
  const queue: { request: PlannedRequest; resolve: Resolve }[] = [];
  let busy = 0;
  const now = (): number => time.clock.monotonic();
  const at = (when: number, task: () => void): void => void time.scheduler.schedule(when - now(), task);

  const free = (): void => {
    busy -= 1;
    const next = queue.shift();
    if (next) {
      write(next.request, next.resolve);
    }
  };
  const write = (request: PlannedRequest, resolve: Resolve): void => {
    const sentAt = now();
    busy += 1;
    const answer = options.answer(sentAt, request.seq);
    if (answer.at >= request.deadline) {
      at(request.deadline, () => {
        resolve({ kind: 'timeout', sentAt, doneAt: request.deadline });
        free();
      });
    } else {
      at(answer.at, () => {
        resolve({ kind: 'answered', status: answer.status, sentAt, doneAt: answer.at });
        free();
      });
    }
  };

  return {
    handedOver,
    send(request, resolve) {
      handedOver.push(now());
      // The outcome comes later, never within send, as from a socket.
      if (now() >= request.deadline) {
        at(now(), () => resolve({ kind: 'dropped', doneAt: now() }));
      } else if (busy < options.connections) {
        write(request, resolve);
      } else {
        queue.push({ request, resolve });
        // A request still waiting at its deadline is dropped then, as the HTTP pool's sweep does.
        at(request.deadline, () => {
          const i = queue.findIndex((q) => q.request === request);
          if (i >= 0) {
            queue.splice(i, 1);
            resolve({ kind: 'dropped', doneAt: request.deadline });
          }
        });
      }
    },
    async close() {},
  };
}
