/**
 * The engine's side of the channel: answers each call with the service (arguments checked again
 * here, since a port is a boundary too) and pushes every run event to the other side.
 */
import type { RehearsalApi } from '../../../contract/rehearsalApi';
import type { ServerMessage } from '../../../contract/wire';
import { dispatchCall } from '../../common/api/apiArguments';
import { parseCall, toWireError } from '../../common/api/wireMessages';
import type { MessagePortLike } from './messagePort';

/** Serves `api` on `port`; returns the function that stops. */
export function hostService(port: MessagePortLike, api: RehearsalApi): () => void {
  const send = (message: ServerMessage): void => port.post(message);
  const unsubscribe = api.onDidEmitEvent((runId, event) => send({ type: 'event', runId, event }));
  const stopListening = port.onMessage((message) => {
    void answer(api, message).then(send);
  });
  return () => {
    unsubscribe();
    stopListening();
  };
}

/** The reply to one message: the member's value, or the error as plain data. */
export async function answer(api: RehearsalApi, message: unknown): Promise<ServerMessage> {
  // A refused message still gets its reply under its own id when it has one, so the caller is not left waiting.
  const raw = (message as { id?: unknown } | null)?.id;
  const id = typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? raw : -1;
  try {
    const call = parseCall(message);
    const value = await dispatchCall(api, call.member, call.args);
    return { type: 'reply', id, ok: true, value: value ?? null };
  } catch (error) {
    return { type: 'reply', id, ok: false, error: toWireError(error) };
  }
}
