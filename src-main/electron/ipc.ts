/**
 * IPC handlers for RehearsalApi (STYLE.md 4 and 5): one wrapper checks the sender frame (the
 * main frame, our own origin, parsed with `new URL`) and parses the payload with zod before the
 * engine sees it. The schemas (engine/common/api/apiArguments.ts) are typed from RehearsalApi,
 * so a member without a handler does not compile; browser mode's WebSocket uses the same ones.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { InvokeChannel } from '../contract/ipc';
import type { RehearsalApi } from '../contract/rehearsalApi';
import { INVOKE_MEMBERS, parseArguments } from '../engine/common/api/apiArguments';

/** True when the event comes from the main frame of a page we served. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) {
    return false;
  }
  try {
    return isAppUrl(new URL(frame.url).href);
  } catch {
    return false;
  }
}

/** Registers one validated handler per invoke member of RehearsalApi. */
export function registerApiHandlers(ipc: Pick<IpcMain, 'handle'>, api: RehearsalApi, isAppUrl: (url: string) => boolean): void {
  for (const member of INVOKE_MEMBERS) {
    const channel: InvokeChannel = `rehearsal:${member}`;
    ipc.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, isAppUrl)) {
        throw new Error(`${channel}: refused, the sender is not the app's main frame`);
      }
      const call = api[member] as (...a: unknown[]) => Promise<unknown>;
      return call.apply(api, parseArguments(member, args, channel) as unknown[]);
    });
  }
}
