/**
 * report.pdf printed by the desktop shell: the engine runs in a utility process, where
 * Electron's `webContents.printToPDF` is out of reach, so its PdfPrinter asks the parent over the
 * same port and the shell prints with Electron's own Chromium (a user's machine may have no
 * other). The messages are between the shell and its engine only, never part of RehearsalApi.
 */
import type { PdfPrinter } from '../report/pdf/chromiumPrinter';
import type { MessagePortLike } from './messagePort';

/** The engine asks the shell to print `html`. */
export interface PrintRequest {
  readonly type: 'print';
  readonly id: number;
  readonly html: string;
}

/** The shell's answer: the PDF's bytes in base64, or why it could not print. */
export type PrintReply =
  | { readonly type: 'printed'; readonly id: number; readonly ok: true; readonly pdf: string }
  | { readonly type: 'printed'; readonly id: number; readonly ok: false; readonly message: string };

/** True for a print request from the engine. */
export function isPrintRequest(message: unknown): message is PrintRequest {
  const m = message as Partial<PrintRequest> | null;
  return typeof m === 'object' && m !== null && m.type === 'print' && typeof m.id === 'number' && typeof m.html === 'string';
}

function isPrintReply(message: unknown): message is PrintReply {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'printed';
}

/** A printer that has the parent print each report. */
export function parentPrinter(port: MessagePortLike): PdfPrinter {
  const pending = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  port.onMessage((message) => {
    if (!isPrintReply(message)) {
      return;
    }
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) {
      waiting?.resolve(new Uint8Array(Buffer.from(message.pdf, 'base64')));
    } else {
      waiting?.reject(new Error(message.message));
    }
  });
  return {
    print(html: string): Promise<Uint8Array> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        port.post({ type: 'print', id, html } satisfies PrintRequest);
      });
    },
  };
}

/** The port as the API host should see it: print replies are the printer's, not calls. */
export function apiMessagesOnly(port: MessagePortLike): MessagePortLike {
  return {
    post: (message) => port.post(message),
    onMessage: (listener) => port.onMessage((message) => (isPrintReply(message) ? undefined : listener(message))),
  };
}
