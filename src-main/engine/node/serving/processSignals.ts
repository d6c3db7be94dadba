/**
 * How the server and router processes are asked to stop. Signals are taken from the start, so one
 * that arrives while a model loads is not lost. A second one while stopping is expected (Ctrl-C
 * reaches `rehearse serve` and its child both, and the parent passes it on as SIGTERM) and changes
 * nothing; the parent SIGKILLs if need be.
 */

/** Resolves at the first SIGINT or SIGTERM, after telling `onSignal` which one came. */
export function stopSignal(onSignal: (signal: NodeJS.Signals) => void = () => undefined): Promise<void> {
  let stopping = false;
  return new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        if (stopping) {
          return;
        }
        stopping = true;
        onSignal(signal);
        resolve();
      });
    }
  });
}
