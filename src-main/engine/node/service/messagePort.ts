/**
 * One end of the channel between the faces and the process that hosts the engine: Node's fork
 * IPC in browser mode, Electron's utility-process port in the desktop app. Both carry plain data.
 */
export interface MessagePortLike {
  post(message: unknown): void;
  /** Returns the function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void;
}

/** The parent's end as a child process sees it: Electron's `process.parentPort`, else Node's `process.send`. */
export function parentPort(): MessagePortLike {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: (message) => electronPort.postMessage(message),
      onMessage(listener) {
        const handler = (event: { data: unknown }): void => listener(event.data);
        electronPort.on('message', handler);
        return () => electronPort.off('message', handler);
      },
    };
  }
  const send = process.send?.bind(process);
  if (!send) {
    throw new Error('this process was not started with a channel to its parent (fork or utilityProcess)');
  }
  return {
    post: (message) => send(message),
    onMessage(listener) {
      process.on('message', listener);
      return () => process.off('message', listener);
    },
  };
}

/** `process.parentPort` of an Electron utility process (not exported by the electron module). */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  off(event: 'message', listener: (event: { data: unknown }) => void): void;
}
