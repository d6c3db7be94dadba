/**
 * IPC handlers for RehearsalApi (STYLE.md 4 and 5): one wrapper checks the sender frame (the
 * main frame, our own origin, parsed with `new URL`) and parses the payload with zod before the
 * engine sees it. The handler map is typed from RehearsalApi, so a missing handler does not compile.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { InvokeChannel, InvokeMember } from '../contract/ipc';
import type { RehearsalApi } from '../contract/rehearsalApi';

/** Arguments of each invoke member, validated where trust changes. */
export const IPC_ARGUMENTS: { readonly [K in InvokeMember]: z.ZodType<Parameters<RehearsalApi[K]>> } = {
  listScenarios: z.tuple([]),
  validateScenario: z.tuple([z.string().min(1).max(4096)]),
  startRun: z.tuple([
    z.strictObject({
      scenarioPath: z.string().min(1).max(4096),
      profile: z.enum(['staging', 'production']).optional(),
      backend: z.enum(['embedded', 'docker']).optional(),
      executionProvider: z.enum(['cpu', 'cuda']).optional(),
    }),
  ]),
  stopRun: z.tuple([z.string().uuid()]),
};

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

/** Registers one validated handler per member of RehearsalApi. */
export function registerApiHandlers(ipc: Pick<IpcMain, 'handle'>, api: RehearsalApi, isAppUrl: (url: string) => boolean): void {
  for (const member of Object.keys(IPC_ARGUMENTS) as InvokeMember[]) {
    const channel: InvokeChannel = `rehearsal:${member}`;
    ipc.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, isAppUrl)) {
        throw new Error(`${channel}: refused, the sender is not the app's main frame`);
      }
      const parsed = IPC_ARGUMENTS[member].safeParse(args);
      if (!parsed.success) {
        throw new Error(`${channel}: invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ')}`);
      }
      const call = api[member] as (...a: unknown[]) => Promise<unknown>;
      return call.apply(api, parsed.data as unknown[]);
    });
  }
}
