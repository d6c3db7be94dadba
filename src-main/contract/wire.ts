/**
 * RehearsalApi as messages, for the transports that are not Electron IPC: the WebSocket of
 * browser mode and the channel to the process hosting the engine. Plain JSON either way.
 */
import type { RunEvent } from './events';
import type { InvokeMember } from './ipc';

/** A call of one invoke member; `id` pairs it with its reply. */
export interface ApiCall {
  readonly type: 'call';
  readonly id: number;
  readonly member: InvokeMember;
  readonly args: readonly unknown[];
}

/** An error as it crosses a boundary: its name (`InputError`, `Error`), message and, for input errors, where. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly where?: string;
}

/** The answer to a call. */
export type ApiReply =
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: WireError };

/** A run event pushed to every subscriber. */
export interface ApiEvent {
  readonly type: 'event';
  readonly runId: string;
  readonly event: RunEvent;
}

/** What the engine's side sends. */
export type ServerMessage = ApiReply | ApiEvent;
