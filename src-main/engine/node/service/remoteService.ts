/**
 * RehearsalApi over a message port: what the Electron main process and the browser-mode server
 * hold instead of the engine itself, so inference, DuckDB and Docker never run on their event
 * loop. One function per member, built from the member list the argument schemas are typed from.
 */
import type { RunEvent } from '../../../contract/events';
import type { RehearsalApi } from '../../../contract/rehearsalApi';
import type { ServerMessage } from '../../../contract/wire';
import { INVOKE_MEMBERS } from '../../common/api/apiArguments';
import { fromWireError } from '../../common/api/wireMessages';
import type { MessagePortLike } from './messagePort';

/** The API of a remote service, and a way to fail what is still waiting when its process ends. */
export type RemoteService = RehearsalApi & {
  /** Rejects every pending call with `reason`; later calls reject at once. */
  disconnect(reason: string): void;
};

/** Connects to the service hosted at the other end of `port`. */
export function connectService(port: MessagePortLike): RemoteService {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Set<(runId: string, event: RunEvent) => void>();
  let nextId = 1;
  let closed: string | null = null;
  port.onMessage((raw) => {
    const message = raw as ServerMessage;
    if (message.type === 'event') {
      listeners.forEach((listener) => listener(message.runId, message.event));
    } else if (message.type === 'reply') {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (waiting) {
        if (message.ok) {
          waiting.resolve(message.value);
        } else {
          waiting.reject(fromWireError(message.error));
        }
      }
    }
  });
  const call = (member: string, args: unknown[]): Promise<unknown> => {
    if (closed !== null) {
      return Promise.reject(new Error(closed));
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      port.post({ type: 'call', id, member, args });
    });
  };
  const members = Object.fromEntries(INVOKE_MEMBERS.map((member) => [member, (...args: unknown[]) => call(member, args)]));
  return {
    ...(members as Omit<RehearsalApi, 'onDidEmitEvent'>),
    onDidEmitEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    disconnect(reason: string) {
      closed = reason;
      for (const waiting of pending.values()) {
        waiting.reject(new Error(reason));
      }
      pending.clear();
    },
  };
}
