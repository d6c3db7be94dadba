/**
 * RehearsalApi over browser mode's WebSocket. The page gets the same object shape it
 * gets from the preload in Electron, so no component can tell which transport it has.
 */
import type { RunEvent } from '../../src-main/contract/events';
import type { InvokeMember } from '../../src-main/contract/ipc';
import type { RehearsalApi } from '../../src-main/contract/rehearsalApi';
import type { ServerMessage } from '../../src-main/contract/wire';

/** Connects to `rehearse ui` at `url` (`ws://127.0.0.1:<port>/api`; the token travels in the page's cookie). */
export function connectWebSocketApi(url: string, WebSocketClass: typeof WebSocket = WebSocket): RehearsalApi {
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  const listeners = new Set<(runId: string, event: RunEvent) => void>();
  let nextId = 1;
  let closed: Error | null = null;
  const socket = new WebSocketClass(url);
  const opened = new Promise<WebSocket>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(socket));
    socket.addEventListener('error', () => reject(new Error(`cannot reach the engine at ${url}: is \`rehearse ui\` still running?`)));
  });
  // A rejection nobody awaits yet must not surface as unhandled; calls see it when they await.
  opened.catch(() => undefined);
  socket.addEventListener('message', (message: MessageEvent) => {
    const data = JSON.parse(String(message.data)) as ServerMessage;
    if (data.type === 'event') {
      listeners.forEach((listener) => listener(data.runId, data.event));
      return;
    }
    const waiting = pending.get(data.id);
    pending.delete(data.id);
    if (waiting && data.ok) {
      waiting.resolve(data.value as never);
    } else if (waiting && !data.ok) {
      const error = new Error(data.error.message);
      error.name = data.error.name;
      waiting.reject(error);
    }
  });
  socket.addEventListener('close', () => {
    closed = new Error('the connection to the engine closed: restart `rehearse ui` and reload the page');
    pending.forEach((waiting) => waiting.reject(closed!));
    pending.clear();
  });

  async function call<T>(member: InvokeMember, ...args: unknown[]): Promise<T> {
    const ws = await opened;
    if (closed) {
      throw closed;
    }
    // JSON has no undefined: an omitted optional argument is left out, not sent as null.
    while (args.length > 0 && args.at(-1) === undefined) {
      args.pop();
    }
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: never) => void, reject });
      ws.send(JSON.stringify({ type: 'call', id, member, args }));
    });
  }

  return {
    getLaunch: () => call('getLaunch'),
    listScenarios: () => call('listScenarios'),
    listScenarioFiles: () => call('listScenarioFiles'),
    validateScenario: (path) => call('validateScenario', path),
    startRun: (request) => call('startRun', request),
    controlRun: (runId, command) => call('controlRun', runId, command),
    getRunView: (runId, query) => call('getRunView', runId, query),
    exportReport: (runId, request) => call('exportReport', runId, request),
    stopRun: (runId) => call('stopRun', runId),
    openDrill: (request) => call('openDrill', request),
    answerDrill: (drillId, answer) => call('answerDrill', drillId, answer),
    getDrillView: (drillId, query) => call('getDrillView', drillId, query),
    listRuns: () => call('listRuns'),
    compareRuns: (before, after) => call('compareRuns', before, after),
    startWhatIf: (request) => call('startWhatIf', request),
    onDidEmitEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
